namespace Gongkai.Domain.Disclosure;

/// <summary>
/// Finds personal data in text about to be published proactively: ID numbers, mobile numbers and
/// bank card numbers. 条例第十五条 forbids disclosing 个人隐私 without consent, so a hit blocks
/// publication and the user is shown where it is (<see cref="PersonalDataHit.Context"/>).
/// </summary>
/// <remarks>
/// One pass over the text, no regular expressions: every maximal run of digits is examined once,
/// with at most a few following groups when it may begin a grouped number. Full-width digits
/// (０–９) and Ｘ count as their ASCII forms; each is one UTF-16 unit, so offsets stay those of the
/// original text. A number must stand on its own: a digit, a Latin letter, or a decimal point with
/// a digit beyond it next to the number makes it part of something longer (a 25-digit serial, a
/// 统一社会信用代码, an order number like 「DD13800138000」, a fraction) and it is not reported.
/// </remarks>
public static class PersonalDataScanner
{
    private const int ContextChars = 15;

    public static IReadOnlyList<PersonalDataHit> Scan(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);

        List<Candidate>? found = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }
            var runEnd = RunEnd(text, i);
            if (TryMatch(text, i, runEnd, out var candidate))
            {
                (found ??= []).Add(candidate);
                i = candidate.End;
            }
            else
            {
                i = runEnd;
            }
        }
        return found is null ? [] : ToHits(text, source, found);
    }

    public static string KindName(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdNumber => "身份证号码",
        PersonalDataKind.MobileNumber => "手机号码",
        PersonalDataKind.BankCard => "银行卡号",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// A number found at [Start, End). Its own digits begin at NumberStart, after any country code, and
    /// there are Significant of them (an ID number's 'X' included).
    /// </summary>
    private readonly record struct Candidate(PersonalDataKind Kind, int Start, int End, int NumberStart, int Significant);

    /// <summary>Tries every form that can begin with the digit run [start, runEnd).</summary>
    private static bool TryMatch(string text, int start, int runEnd, out Candidate candidate)
    {
        candidate = default;
        if (!StandsAloneBefore(text, start)) return false;
        var length = runEnd - start;
        Span<int> digits = stackalloc int[19];

        // GB 11643-1999: 17 digits and the check character 'X', or 18 digits. ID numbers are tried
        // before bank cards, so one is never reported twice.
        if (length == 17 && runEnd < text.Length && IsX(text[runEnd]) && StandsAloneAfter(text, runEnd + 1)
            && PersonalNumberRules.IsIdNumber(digits[..Collect(text, start, runEnd + 1, digits)]))
        {
            candidate = new(PersonalDataKind.IdNumber, start, runEnd + 1, start, 18);
            return true;
        }
        if (length > 19 || !StandsAloneAfter(text, runEnd)) return false;

        var count = Collect(text, start, runEnd, digits);
        if (length == 18 && PersonalNumberRules.IsIdNumber(digits[..count]))
        {
            candidate = new(PersonalDataKind.IdNumber, start, runEnd, start, 18);
            return true;
        }
        if (length == 11 && PersonalNumberRules.IsMobileNumber(digits[..count]))
        {
            candidate = new(PersonalDataKind.MobileNumber, PrefixStart(text, start), runEnd, start, 11);
            return true;
        }
        // 「+8613800138000」, 「008613800138000」: the country code written straight before the number.
        var code = digits[..count] is [8, 6, ..] ? 2 : digits[..count] is [0, 0, 8, 6, ..] ? 4 : 0;
        if (code > 0 && length == code + 11 && PersonalNumberRules.IsMobileNumber(digits[code..count]))
        {
            var from = code == 2 && start > 0 && IsPlus(text[start - 1]) ? start - 1 : start;
            candidate = new(PersonalDataKind.MobileNumber, from, runEnd, start + code, 11);
            return true;
        }
        if (length >= 16 && PersonalNumberRules.IsBankCard(digits[..count]))
        {
            candidate = new(PersonalDataKind.BankCard, start, runEnd, start, count);
            return true;
        }
        if (runEnd == text.Length || !IsSeparator(text[runEnd])) return false;
        return length switch
        {
            3 => TryGroupedMobile(text, start, runEnd, out candidate),
            4 => TryGroupedCard(text, start, runEnd, out candidate),
            _ => false,
        };
    }

    /// <summary>
    /// 「138 0013 8000」, 「138-0013-8000」: the 3-4-4 grouping used for mobile numbers, one kind of
    /// separator throughout, optionally after +86. Landlines (「0451-86661234」) never have this shape.
    /// </summary>
    private static bool TryGroupedMobile(string text, int start, int firstEnd, out Candidate candidate)
    {
        candidate = default;
        var separator = text[firstEnd];
        Span<int> groups = stackalloc int[2];
        if (ReadGroups(text, firstEnd, separator, groups, out var end) != 2 || groups[0] != 4 || groups[1] != 4
            || !StandsAloneAfter(text, end))
        {
            return false;
        }
        var from = PrefixStart(text, start);
        // A group joined on the left by the same separator makes this the tail of a longer number,
        // unless that group is the country code.
        if (from == start && start >= 2 && text[start - 1] == separator && IsDigit(text[start - 2])) return false;

        Span<int> digits = stackalloc int[11];
        if (!PersonalNumberRules.IsMobileNumber(digits[..Collect(text, start, end, digits)])) return false;
        candidate = new(PersonalDataKind.MobileNumber, from, end, start, 11);
        return true;
    }

    /// <summary>
    /// 「6222 0212 3456 7890 128」: four groups of four digits and perhaps a last group of one to
    /// three (16–19 digits in all), one kind of separator throughout.
    /// </summary>
    private static bool TryGroupedCard(string text, int start, int firstEnd, out Candidate candidate)
    {
        candidate = default;
        var separator = text[firstEnd];
        if (start >= 2 && text[start - 1] == separator && IsDigit(text[start - 2])) return false;

        Span<int> groups = stackalloc int[4];
        var count = ReadGroups(text, firstEnd, separator, groups, out var end);
        var shaped = count switch
        {
            3 => groups[0] == 4 && groups[1] == 4 && groups[2] == 4,
            4 => groups[0] == 4 && groups[1] == 4 && groups[2] == 4 && groups[3] is >= 1 and <= 3,
            _ => false,
        };
        if (!shaped || !StandsAloneAfter(text, end)) return false;

        Span<int> digits = stackalloc int[19];
        var n = Collect(text, start, end, digits);
        if (!PersonalNumberRules.IsBankCard(digits[..n])) return false;
        candidate = new(PersonalDataKind.BankCard, start, end, start, n);
        return true;
    }

    /// <summary>
    /// Reads the digit groups after <paramref name="position"/>, each joined by exactly one
    /// <paramref name="separator"/>. Returns how many, or -1 when there are more than
    /// <paramref name="lengths"/> holds (too long for the pattern).
    /// </summary>
    private static int ReadGroups(string text, int position, char separator, Span<int> lengths, out int end)
    {
        var count = 0;
        end = position;
        while (end + 1 < text.Length && text[end] == separator && IsDigit(text[end + 1]))
        {
            if (count == lengths.Length) return -1;
            var runEnd = RunEnd(text, end + 1);
            lengths[count++] = runEnd - end - 1;
            end = runEnd;
        }
        return count;
    }

    /// <summary>
    /// Where a mobile number starting at <paramref name="start"/> begins once a country code and one
    /// separator before it (「+86 」, 「86-」, 「0086 」) are included, so the user sees the whole number.
    /// </summary>
    private static int PrefixStart(string text, int start)
    {
        var p = start > 0 && IsSeparator(text[start - 1]) ? start - 1 : start;
        if (p < 2 || !DigitIs(text[p - 2], 8) || !DigitIs(text[p - 1], 6)) return start;
        var code = p - 2;
        if (code > 0 && IsPlus(text[code - 1])) return code - 1;
        if (code >= 2 && DigitIs(text[code - 2], 0) && DigitIs(text[code - 1], 0) && StandsAloneBefore(text, code - 2)) return code - 2;
        return StandsAloneBefore(text, code) ? code : start;
    }

    private static List<PersonalDataHit> ToHits(string text, string source, List<Candidate> found)
    {
        // Masking a copy of the whole text keeps the other hits masked too when they fall inside
        // one hit's context. The masked form keeps the number as written: only digits turn into '*'.
        var masked = text.ToCharArray();
        foreach (var c in found)
        {
            // Mobile numbers keep 3 + 4 digits (the usual 138****8000); ID numbers and cards 4 + 4.
            var keepLeading = c.Kind == PersonalDataKind.MobileNumber ? 3 : 4;
            var index = 0;
            for (var j = c.NumberStart; j < c.End; j++)
            {
                if (!IsDigit(text[j]) && !IsX(text[j])) continue;
                if (index >= keepLeading && index < c.Significant - 4) masked[j] = '*';
                index++;
            }
        }

        var hits = new List<PersonalDataHit>(found.Count);
        foreach (var c in found)
        {
            hits.Add(new PersonalDataHit(c.Kind, source, c.Start, c.End - c.Start,
                new string(masked, c.Start, c.End - c.Start), Context(text, masked, c.Start, c.End)));
        }
        return hits;
    }

    private static string Context(string text, char[] masked, int start, int end)
    {
        var from = Math.Max(0, start - ContextChars);
        var to = Math.Min(text.Length, end + ContextChars);
        // Never cut a character outside the BMP in half.
        if (from > 0 && char.IsLowSurrogate(text[from])) from++;
        if (to < text.Length && char.IsHighSurrogate(text[to - 1])) to--;

        var lead = from > 0;
        var trail = to < text.Length;
        return string.Create(to - from + (lead ? 1 : 0) + (trail ? 1 : 0), (masked, from, to, lead, trail), static (context, state) =>
        {
            var body = context[(state.lead ? 1 : 0)..(context.Length - (state.trail ? 1 : 0))];
            state.masked.AsSpan(state.from, state.to - state.from).CopyTo(body);
            for (var j = 0; j < body.Length; j++)
            {
                if (char.IsControl(body[j])) body[j] = ' ';
            }
            if (state.lead) context[0] = '…';
            if (state.trail) context[^1] = '…';
        });
    }

    /// <summary>Writes the values of the digits (and 'X' as 10) in [start, end), skipping separators.</summary>
    private static int Collect(string text, int start, int end, Span<int> digits)
    {
        var count = 0;
        for (var j = start; j < end && count < digits.Length; j++)
        {
            if (IsDigit(text[j])) digits[count++] = DigitValue(text[j]);
            else if (IsX(text[j])) digits[count++] = 10;
        }
        return count;
    }

    private static int RunEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsDigit(text[end])) end++;
        return end;
    }

    private static bool StandsAloneBefore(string text, int start) =>
        start == 0 || !(IsWordChar(text[start - 1]) || (IsDecimalPoint(text[start - 1]) && start >= 2 && IsDigit(text[start - 2])));

    private static bool StandsAloneAfter(string text, int end) =>
        end == text.Length || !(IsWordChar(text[end]) || (IsDecimalPoint(text[end]) && end + 1 < text.Length && IsDigit(text[end + 1])));

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    private static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    private static bool DigitIs(char c, int value) => IsDigit(c) && DigitValue(c) == value;

    private static bool IsX(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';

    private static bool IsWordChar(char c) => IsDigit(c) || char.IsAsciiLetter(c) || c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    private static bool IsDecimalPoint(char c) => c is '.' or '．';

    private static bool IsPlus(char c) => c is '+' or '＋';

    // Spaces (ASCII, no-break from HTML, ideographic) and hyphens (ASCII, full-width).
    private static bool IsSeparator(char c) => c is ' ' or '\u00A0' or '\u3000' or '-' or '－';
}

namespace Gongkai.Features.Documents;

/// <summary>Small rules of Chinese text that both writers need: numerals, dates, line breaking.</summary>
public static class ChineseText
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers).</summary>
    public static string Numeral(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        if (n < 10) return Digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
    }

    /// <summary>GB/T 9704-2012 7.3.5: 成文日期 in Arabic numerals, the year in full, no leading zeros.</summary>
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>Closing punctuation that must not begin a line (a simple form of 避头点 rules).</summary>
    public static bool CannotStartLine(char c) => "。，、；：？！）」』》】〕〉”’…·%,.;:?!)]}".Contains(c);

    /// <summary>Opening punctuation that must not end a line.</summary>
    public static bool CannotEndLine(char c) => "（「『《【〔〈“‘([{".Contains(c);

    /// <summary>Width in ems at the body size: Latin letters, digits and ASCII punctuation are half width.</summary>
    public static double EmWidth(string text) => text.Sum(c => c < 0x2E80 && c != '—' && c != '…' ? 0.5 : 1.0);

    /// <summary>
    /// Right indents (in ems) of the 发文机关署名 and the 成文日期 when no seal is used (GB/T 9704-2012
    /// 7.3.5.2): the name ends two characters from the right margin and the date starts two characters
    /// right of the name's start; a date longer than that moves the name right so the date keeps two.
    /// </summary>
    public static (double Name, double Date) SignatureIndents(double nameWidth, double dateWidth)
    {
        var date = Math.Max(2, nameWidth - dateWidth);
        var name = date + dateWidth + 2 - nameWidth;
        return (name, date);
    }

    /// <summary>
    /// Splits a paragraph into lines no wider than the widths given: Chinese breaks between any two
    /// characters, a run of Latin letters and digits stays whole unless longer than a line, closing
    /// punctuation never starts a line and opening punctuation never ends one (the character before
    /// moves down with it). '\n' forces a break; spaces at a break are dropped.
    /// </summary>
    public static List<BrokenLine> BreakLines(string text, Func<string, double> measure, double firstLineWidth, double lineWidth)
    {
        var lines = new List<BrokenLine>();
        foreach (var hardLine in text.Replace("\r\n", "\n").Split('\n'))
            BreakHardLine(hardLine, measure, lines.Count == 0 ? firstLineWidth : lineWidth, lineWidth, lines);
        return lines;
    }

    private static void BreakHardLine(string text, Func<string, double> measure, double firstWidth, double width, List<BrokenLine> lines)
    {
        var tokens = Tokens(text);
        var line = new List<string>();
        double used = 0;
        var available = firstWidth;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var w = measure(token);
            if (used + w <= available + 0.01 || (line.Count == 0 && token.Length == 1))
            {
                if (line.Count == 0 && token == " ") continue;
                line.Add(token);
                used += w;
                continue;
            }
            if (line.Count == 0)
            {
                // A Latin run longer than a whole line: cut it where it overflows.
                var cut = 1;
                while (cut < token.Length && measure(token[..(cut + 1)]) <= available) cut++;
                tokens.Insert(i + 1, token[cut..]);
                tokens[i] = token[..cut];
                i--;
                continue;
            }
            // Break before this token, or earlier if the break would put closing punctuation at the
            // start of the next line or leave opening punctuation at the end of this one.
            var keep = line.Count;
            var next = token;
            while (keep > 1 && (CannotStartLine(next[0]) || CannotEndLine(line[keep - 1][^1])))
            {
                keep--;
                next = line[keep];
            }
            if (keep == 1 && (CannotStartLine(next[0]) || CannotEndLine(line[0][^1])))
                keep = line.Count; // nothing better: a line of punctuation only, break where it overflows
            var carried = line.Skip(keep).ToList();
            lines.Add(new BrokenLine(string.Concat(line.Take(keep)).TrimEnd(' '), EndsParagraph: false));
            line = [];
            used = 0;
            available = width;
            foreach (var t in carried)
            {
                if (line.Count == 0 && t == " ") continue;
                line.Add(t);
                used += measure(t);
            }
            i--; // place the token on the new line
        }
        lines.Add(new BrokenLine(string.Concat(line).TrimEnd(' '), EndsParagraph: true));
    }

    /// <summary>Runs of ASCII letters and digits (with '.' between digits) are one token; anything else is one character.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j])
                || (text[j] == '.' && j > i && j + 1 < text.Length && char.IsAsciiDigit(text[j - 1]) && char.IsAsciiDigit(text[j + 1]))))
                j++;
            if (j == i) j = char.IsSurrogatePair(text, i) ? i + 2 : i + 1;
            tokens.Add(text[i..j]);
            i = j;
        }
        return tokens;
    }
}

/// <param name="EndsParagraph">The last line before a '\n' or the end: not stretched when justifying.</param>
public readonly record struct BrokenLine(string Text, bool EndsParagraph);

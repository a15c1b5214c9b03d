using Gongkai.Domain.Organisation;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// The check rules of the numbers <see cref="PersonalDataScanner"/> looks for. Every method takes
/// digit values (0–9, and 10 for an ID number's 'X'), already freed of separators and full-width forms.
/// </summary>
internal static class PersonalNumberRules
{
    // GB 11643-1999 §8.2: ISO 7064 MOD 11-2 weights for the 17 body digits, and the check character
    // for each remainder (index = sum mod 11). 'X' stands for 10.
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly int[] IdCheckValues = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>
    /// GB 11643-1999 18-character 公民身份号码: region, birth date and the MOD 11-2 check character.
    /// </summary>
    public static bool IsIdNumber(ReadOnlySpan<int> digits) =>
        HasIdShape(digits) && digits[17] == IdCheckValues[IdCheckSum(digits) % 11];

    /// <summary>
    /// True when the 18 digits start like an ID number (a region and a birth date) whatever their
    /// check character. Such a number with a wrong check character is a mistyped ID, not a bank card.
    /// </summary>
    public static bool HasIdShape(ReadOnlySpan<int> digits)
    {
        if (digits.Length != 18) return false;
        for (var i = 0; i < 17; i++)
        {
            if (digits[i] > 9) return false;
        }
        return IsProvinceCode(digits[0] * 10 + digits[1]) && IsBirthDate(digits.Slice(6, 8));
    }

    /// <summary>
    /// 中国大陆 mobile numbers under the MIIT numbering plan (《电信网编号计划（2017年版）》): 11 digits,
    /// 1 then 3–9 (号段 13x–19x). 10x, 11x and 12x are service and special numbers, never issued to
    /// subscribers.
    /// </summary>
    public static bool IsMobileNumber(ReadOnlySpan<int> digits) =>
        digits.Length == 11 && digits[0] == 1 && digits[1] >= 3 && digits[1] <= 9;

    /// <summary>
    /// Payment card numbers as issued in China (UnionPay 62…, Visa, MasterCard…): ISO/IEC 7812-1,
    /// 16–19 digits whose last digit is the Luhn (mod 10) check digit of its Annex B.
    /// </summary>
    public static bool IsBankCard(ReadOnlySpan<int> digits)
    {
        if (digits.Length is < 16 or > 19 || !PassesLuhn(digits)) return false;
        if (digits.Length != 18) return true;

        // 18 digits are also the length of ID numbers and of all-digit 统一社会信用代码, such as the
        // 「113708280043326001」 that opens many 索引号. One tenth of them pass Luhn by chance, while
        // 18-digit cards are rare; a number that reads as either of those is not reported as a card.
        if (HasIdShape(digits)) return false;
        Span<char> text = stackalloc char[18];
        for (var i = 0; i < 18; i++) text[i] = (char)('0' + digits[i]);
        return !CreditCode.IsValid(text.ToString());
    }

    public static bool PassesLuhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static int IdCheckSum(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += digits[i] * IdWeights[i];
        return sum;
    }

    // GB/T 2260 province-level codes: 11–15 华北, 21–23 东北, 31–37 华东, 41–46 中南, 50–54 西南,
    // 61–65 西北, 71 台湾, 81 香港, 82 澳门 (the last three as issued on 港澳台居民居住证).
    private static bool IsProvinceCode(int code) => code switch
    {
        >= 11 and <= 15 or >= 21 and <= 23 or >= 31 and <= 37 or >= 41 and <= 46 => true,
        >= 50 and <= 54 or >= 61 and <= 65 or 71 or 81 or 82 => true,
        _ => false,
    };

    // GB 11643-1999 §5.2: the birth date as yyyyMMdd. The range 1900–2099 keeps out numbers whose
    // "date" is really something else; the date must exist (no 0230, 0229 only in leap years).
    private static bool IsBirthDate(ReadOnlySpan<int> yyyyMMdd)
    {
        var year = yyyyMMdd[0] * 1000 + yyyyMMdd[1] * 100 + yyyyMMdd[2] * 10 + yyyyMMdd[3];
        var month = yyyyMMdd[4] * 10 + yyyyMMdd[5];
        var day = yyyyMMdd[6] * 10 + yyyyMMdd[7];
        return year is >= 1900 and <= 2099 && month is >= 1 and <= 12
            && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }
}

namespace Gongkai.Domain.Organisation;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a
/// check character over the first 17. Bodies of the state (机关) start with "11".
/// </summary>
public static class CreditCode
{
    // GB 32100-2015 §4: I, O, S, V and Z are never used.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) => Check(code) is null;

    /// <summary>Null when valid, otherwise a Chinese explanation of what is wrong.</summary>
    public static string? Check(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "统一社会信用代码不能为空";
        if (code.Length != 18) return "统一社会信用代码应为18位";
        foreach (var c in code)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
                return $"统一社会信用代码含有不允许的字符“{c}”（只能是数字和除 I、O、S、V、Z 以外的大写字母）";
        }
        return code[17] == CheckCharacter(code.AsSpan(0, 17)) ? null : "统一社会信用代码校验位不正确";
    }

    /// <summary>The 18th character for a 17-character body.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> body17)
    {
        if (body17.Length != 17) throw new ArgumentException("The body must be 17 characters.", nameof(body17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(body17[i], StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"Invalid character '{body17[i]}'.", nameof(body17));
            sum += value * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Completes a 17-character body with its check character.</summary>
    public static string Complete(string body17) => body17 + CheckCharacter(body17);
}

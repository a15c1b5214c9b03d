namespace Gongkai.Features.Applications;

/// <summary>
/// How alike two descriptions of information are: the Dice coefficient of their character bigrams,
/// ignoring punctuation and spaces. Chinese has no spaces to split words on, and bigrams are what
/// the search index uses too; 「2025年老旧小区改造项目清单」 and 「老旧小区改造项目清单（2025年）」 score high.
/// </summary>
public static class Similarity
{
    /// <summary>From this score on two descriptions are taken to ask for the same information.</summary>
    public const double SameInformation = 0.6;

    public static double Of(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in x) counts[g] = counts.GetValueOrDefault(g) + 1;
        foreach (var g in y)
        {
            if (counts.TryGetValue(g, out var n) && n > 0)
            {
                counts[g] = n - 1;
                shared++;
            }
        }
        return 2.0 * shared / (x.Count + y.Count);
    }

    private static List<string> Bigrams(string text)
    {
        var chars = (text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var grams = new List<string>(Math.Max(0, chars.Length - 1));
        for (var i = 0; i + 1 < chars.Length; i++) grams.Add(new string(chars, i, 2));
        return grams;
    }
}

using Gongkai.Features.Search;

namespace Gongkai.Features.Applications.Pages;

/// <summary>
/// Published items that may already hold what an applicant is about to ask for: information
/// already disclosed proactively is answered by pointing at it (第三十六条第（一）项), so the citizen
/// sees it before applying. Uses the portal's search index; each fragment of the description
/// (split at punctuation and filler words such as 关于, 的, 申请公开) is searched on its own, and
/// items found by more fragments (or by the 文号) come first.
/// </summary>
public sealed class PublishedSuggestions(SearchIndex index)
{
    public const int Max = 5;

    /// <summary>Words that describe the request rather than the information; they split the description.</summary>
    private static readonly string[] Fillers =
    [
        "申请公开", "请求公开", "要求公开", "依申请", "我想了解", "我想要", "希望获取", "希望了解", "请提供", "提供", "申请", "公开",
        "获取", "查询", "了解", "需要", "关于", "有关", "相关", "的", "及", "和", "与", "或", "等",
    ];

    public IReadOnlyList<SearchHit> Find(string? description, string? documentNumber)
    {
        var found = new Dictionary<long, (SearchHit Hit, int Votes, int First)>();
        var queries = Queries(description, documentNumber);
        for (var i = 0; i < queries.Count; i++)
        {
            var (text, weight) = queries[i];
            var result = index.Search(new SearchQuery(text, null, null, null, null, null, SearchSort.Relevance, 1, 10));
            foreach (var hit in result.Hits)
                found[hit.Id] = found.TryGetValue(hit.Id, out var seen) ? (seen.Hit, seen.Votes + weight, seen.First) : (hit, weight, i);
        }
        return [.. found.Values.OrderByDescending(v => v.Votes).ThenBy(v => v.First).ThenByDescending(v => v.Hit.Score).Take(Max).Select(v => v.Hit)];
    }

    /// <summary>
    /// What to search for, with the weight of a hit: the description's fragments (at most 8, of at
    /// least 2 characters) weigh 1 each; the 文号 names one document and weighs as much as all of them.
    /// </summary>
    internal static List<(string Text, int Weight)> Queries(string? description, string? documentNumber)
    {
        var text = (description ?? "").Trim();
        if (text.Length > 400) text = text[..400];
        foreach (var filler in Fillers) text = text.Replace(filler, " ", StringComparison.Ordinal);
        var fragments = text
            .Split(c => !char.IsLetterOrDigit(c))
            .Where(f => f.Length >= 2)
            .Select(f => f.Length > SearchIndex.MaxQueryLength ? f[..SearchIndex.MaxQueryLength] : f)
            .Distinct()
            .Take(8)
            .Select(f => (f, 1))
            .ToList();
        if (documentNumber?.Trim() is { Length: >= 2 } number)
            fragments.Insert(0, (number.Length > SearchIndex.MaxQueryLength ? number[..SearchIndex.MaxQueryLength] : number, Math.Max(1, fragments.Count)));
        return fragments;
    }
}

internal static class StringSplitExtensions
{
    public static IEnumerable<string> Split(this string text, Func<char, bool> separator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !separator(text[i])) continue;
            if (i > start) yield return text[start..i];
            start = i + 1;
        }
    }
}

using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Search;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>What the portal already answers about a matter: published answers to other opinions and published catalogue items.</summary>
public sealed record SimilarResult(IReadOnlyList<PublishedCase> Answers, IReadOnlyList<SearchHit> Items)
{
    public bool Empty => Answers.Count == 0 && Items.Count == 0;
}

/// <summary>
/// Before writing, the citizen sees published answers and items that may already answer the
/// question (the same idea as <see cref="PublishedSuggestions"/> for applications, which it reuses
/// for the catalogue): the title is cut into fragments and each is looked up on its own.
/// </summary>
public sealed class SimilarCases(CaseQueries queries, PublishedSuggestions items)
{
    public const int Max = 5;

    public async Task<SimilarResult> FindAsync(string? title, CancellationToken ct)
    {
        var fragments = PublishedSuggestions.Queries(title, null);
        var found = new Dictionary<long, (PublishedCase Case, int Votes)>();
        foreach (var text in Windows(fragments.Select(f => f.Text)))
        {
            var page = await queries.PublishedAsync(text, null, 1, 10, ct);
            foreach (var c in page.Items)
                found[c.Id] = found.TryGetValue(c.Id, out var seen) ? (seen.Case, seen.Votes + 1) : (c, 1);
        }
        var answers = found.Values.OrderByDescending(v => v.Votes).ThenByDescending(v => v.Case.PublishedAt).Take(Max).Select(v => v.Case).ToList();
        return new SimilarResult(answers, fragments.Count == 0 ? [] : items.Find(title, null));
    }

    /// <summary>
    /// Chinese has no spaces: a title such as 幸福小区南门路灯不亮 is one fragment, which another
    /// letter's wording rarely contains whole. Long fragments are looked up as overlapping four-character
    /// windows (幸福小区, 小区南门, 南门路灯, 路灯不亮), at most <see cref="MaxLookups"/> in all; answers
    /// matched by more windows come first.
    /// </summary>
    internal static List<string> Windows(IEnumerable<string> fragments)
    {
        var windows = new List<string>();
        foreach (var f in fragments)
        {
            if (f.Length <= Window) { windows.Add(f); continue; }
            for (var i = 0; ; i += Window / 2)
            {
                var start = Math.Min(i, f.Length - Window);
                windows.Add(f.Substring(start, Window));
                if (start == f.Length - Window) break;
            }
        }
        return [.. windows.Distinct().Take(MaxLookups)];
    }

    private const int Window = 4;
    private const int MaxLookups = 10;
}

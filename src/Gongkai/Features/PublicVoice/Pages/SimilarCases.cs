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
        foreach (var (text, _) in fragments)
        {
            var page = await queries.PublishedAsync(text, null, 1, 10, ct);
            foreach (var c in page.Items)
                found[c.Id] = found.TryGetValue(c.Id, out var seen) ? (seen.Case, seen.Votes + 1) : (c, 1);
        }
        var answers = found.Values.OrderByDescending(v => v.Votes).ThenByDescending(v => v.Case.PublishedAt).Take(Max).Select(v => v.Case).ToList();
        return new SimilarResult(answers, fragments.Count == 0 ? [] : items.Find(title, null));
    }
}

using System.Diagnostics;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace Gongkai.Features.Search;

public sealed partial class SearchIndex
{
    /// <summary>Results past this rank are not served (deep pages cost memory and time and serve only crawlers); Total stays exact.</summary>
    public const int MaxResultWindow = 10_000;

    public const int MaxPageSize = 100;

    private const int SnippetWidth = 120;

    private static readonly Sort Newest = new(new SortField(SearchSchema.Published, SortFieldType.INT64, true), new SortField(SearchSchema.IdSort, SortFieldType.INT64, true));
    private static readonly Sort Oldest = new(new SortField(SearchSchema.Published, SortFieldType.INT64, false), new SortField(SearchSchema.IdSort, SortFieldType.INT64, false));

    /// <summary>
    /// Searches, filters, sorts and pages. Never throws on visitor text. Text with nothing searchable
    /// in it (only punctuation or emoji) finds nothing; empty text lists all items passing the filters,
    /// newest first even when relevance was asked for.
    /// </summary>
    public SearchResult Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var started = Stopwatch.GetTimestamp();
        var parts = Parse(query.Text, out var hadText);
        if (hadText && parts.Count == 0) return new SearchResult(0, [], Stopwatch.GetElapsedTime(started));

        var filter = SearchSchema.Filter(query);
        // Relevance without a sort field: Lucene's plain top-score collector is the fastest path, and
        // a tie-break on date would cost a lookup per hit. Equal scores come in index order.
        var sort = query.Sort switch
        {
            SearchSort.Oldest => Oldest,
            SearchSort.Relevance when parts.Count > 0 => null,
            _ => Newest,
        };
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var skip = (long)(Math.Max(query.Page, 1) - 1) * size;
        var window = (int)Math.Min(skip + size, MaxResultWindow);
        var needles = parts.SelectMany(p => p.Needles).Distinct().ToList();

        var searcher = (GramSearcher)_searchers.Acquire();
        try
        {
            var lucene = SearchSchema.TextQuery(parts, searcher.IndexReader, searcher.Grams) ?? new MatchAllDocsQuery();
            var top = sort is null ? searcher.Search(lucene, filter, window) : searcher.Search(lucene, filter, window, sort);
            var hits = new List<SearchHit>(size);
            for (var i = (int)Math.Min(skip, top.ScoreDocs.Length); i < top.ScoreDocs.Length; i++)
            {
                var scored = top.ScoreDocs[i];
                hits.Add(ToHit(searcher.Doc(scored.Doc), float.IsNaN(scored.Score) ? 0 : scored.Score, needles));
            }
            return new SearchResult(top.TotalHits, hits, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Cuts the text to <see cref="MaxQueryLength"/>, folds width and case, and splits it on white
    /// space into parts that must all match. Parts with nothing searchable are dropped.
    /// </summary>
    private List<QueryPart> Parse(string? text, out bool hadText)
    {
        var parts = new List<QueryPart>();
        hadText = !string.IsNullOrWhiteSpace(text);
        if (!hadText) return parts;

        var cut = text!.Trim();
        if (cut.Length > MaxQueryLength)
            cut = cut[..(char.IsHighSurrogate(cut[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength)];
        foreach (var word in BigramAnalysis.Fold(cut).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            if (BigramAnalysis.AnalysePart(_analyzer, word) is { } part) parts.Add(part);
        }
        return parts;
    }

    private static SearchHit ToHit(Document doc, float score, IReadOnlyList<string> needles)
    {
        var title = doc.Get(SearchSchema.Title) ?? "";
        var body = doc.Get(SearchSchema.BodyStored) ?? "";
        var snippet = SnippetHighlighter.Window(body, needles, SnippetWidth)
            ?? SnippetHighlighter.Window(doc.Get(SearchSchema.AttachmentStored) ?? "", needles, SnippetWidth)
            ?? SnippetHighlighter.Lead(body, SnippetWidth);
        return new SearchHit(
            long.Parse(doc.Get(SearchSchema.Id), System.Globalization.CultureInfo.InvariantCulture),
            title,
            SnippetHighlighter.MarkAll(title, needles),
            snippet,
            doc.Get(SearchSchema.DepartmentName) ?? "",
            doc.Get(SearchSchema.IndexNumber),
            DateOnly.FromDayNumber(doc.GetField(SearchSchema.Published)?.GetInt32Value() ?? 0),
            doc.Get(SearchSchema.Url) ?? "",
            score);
    }
}

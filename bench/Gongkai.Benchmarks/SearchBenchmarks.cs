using System.Globalization;
using BenchmarkDotNet.Attributes;
using Gongkai.Features.Search;

namespace Gongkai.Benchmarks;

/// <summary>
/// Search latency on a large index, 2-, 3- and 4-character queries with highlighted snippets: the
/// requirement is p95 under 50 ms at 1,000,000 items on a 2-core machine.
/// The index (<see cref="SearchBenchCorpus"/>) is built once and kept in
/// $TMPDIR/gongkai-search-bench/N, so each benchmark process reopens it, as a restarted server would.
/// BenchmarkDotNet measures the mean over many queries; the per-query p50/p95/max that the
/// requirement talks about are printed by the setup ("latency:" lines) over 300 queries per length.
/// <code>
/// dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*SearchBenchmarks*' --job short
/// GONGKAI_SEARCH_DOCS=1000000 dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*SearchBenchmarks*' --job short
/// </code>
/// The second builds a 1,000,000-item index first (about 7 GB of disk, 10 to 40 minutes on two cores).
/// Quicker, without BenchmarkDotNet: the verbs `latency` (p50/p95 per query length) and `indexing` (throughput alone), see Program.cs.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private SearchIndex _index = null!;
    private string[] _queries = [];
    private int _next;

    public static IEnumerable<int> Sizes() =>
        [int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_SEARCH_DOCS"), CultureInfo.InvariantCulture, out var n) ? n : 100_000];

    [ParamsSource(nameof(Sizes))]
    public int Documents { get; set; }

    [Params(2, 3, 4)]
    public int QueryLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = SearchBenchIndex.OpenOrBuild(Documents);
        _queries = SearchBenchCorpus.Queries(QueryLength, SearchLatency.QueryCount);
        SearchLatency.Measure(_index, Documents, QueryLength, _queries, "relevance", q => new SearchQuery(q, null, null, null, null, null));
        SearchLatency.Measure(_index, Documents, QueryLength, _queries, "newest in one department", q => new SearchQuery(q, "d3", null, null, null, null, SearchSort.Newest));
        SearchBenchIndex.Report("after queries");
    }

    [Benchmark(Description = "search + highlight, relevance, page 1 of 20")]
    public long Search()
    {
        var q = _queries[_next++ % _queries.Length];
        return _index.Search(new SearchQuery(q, null, null, null, null, null)).Total;
    }

    [Benchmark(Description = "search + highlight, department filter, newest first")]
    public long SearchFilteredNewest()
    {
        var q = _queries[_next++ % _queries.Length];
        return _index.Search(new SearchQuery(q, "d3", null, null, null, null, SearchSort.Newest)).Total;
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();
}

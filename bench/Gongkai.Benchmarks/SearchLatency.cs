using System.Diagnostics;
using System.Globalization;
using Gongkai.Features.Search;

namespace Gongkai.Benchmarks;

/// <summary>
/// Per-query latency distribution (p50/p95/p99/max), which the requirement is stated in and
/// BenchmarkDotNet's mean does not show. Each query is timed alone, after one warm-up pass over all
/// of them. Used by <see cref="SearchBenchmarks"/>' setup and by the quicker <c>latency</c> verb:
/// <code>GONGKAI_SEARCH_DOCS=1000000 dotnet run -c Release --project bench/Gongkai.Benchmarks -- latency</code>
/// </summary>
public static class SearchLatency
{
    public const int QueryCount = 300;

    /// <summary>The <c>latency</c> verb: every query length, both query shapes, then memory.</summary>
    public static void Run(int documents)
    {
        using var index = SearchBenchIndex.OpenOrBuild(documents);
        foreach (var length in new[] { 2, 3, 4 })
        {
            var queries = SearchBenchCorpus.Queries(length, QueryCount);
            Measure(index, documents, length, queries, "relevance", q => new SearchQuery(q, null, null, null, null, null));
            Measure(index, documents, length, queries, "newest in one department", q => new SearchQuery(q, "d3", null, null, null, null, SearchSort.Newest));
        }
        SearchBenchIndex.Report("after queries");
    }

    /// <summary>Prints the distribution: all queries, then the topic words and the random substrings apart (see <see cref="SearchBenchCorpus.Queries"/>).</summary>
    public static void Measure(SearchIndex index, int documents, int length, string[] queries, string label, Func<string, SearchQuery> query)
    {
        foreach (var q in queries) index.Search(query(q));
        var times = new double[queries.Length];
        var hits = new long[queries.Length];
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < queries.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = index.Search(query(queries[i]));
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            hits[i] = result.Total;
        }
        var cpuPerQuery = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / queries.Length;
        void Print(string group, Func<int, bool> which)
        {
            var chosen = Enumerable.Range(0, times.Length).Where(which).ToList();
            var sorted = chosen.Select(i => times[i]).Order().ToList();
            double At(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
            SearchBenchIndex.Log(string.Create(CultureInfo.InvariantCulture,
                $"latency: {documents:N0} items, {length}-char, {label}, {group} ({sorted.Count}): p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {sorted[^1]:F1} ms; CPU {cpuPerQuery:F1} ms per query (all); median hits {chosen.Select(i => hits[i]).Order().ElementAt(chosen.Count / 2):N0}"));
        }
        Print("all queries", _ => true);
        Print("topic words", i => i % 2 == 0);
        Print("random substrings", i => i % 2 == 1);
    }
}

/// <summary>
/// The <c>indexing</c> verb: generates the items first (not timed), then indexes them into an empty
/// folder in batches of 500 and commits, as a rebuild does; prints wall and CPU time, size and memory.
/// <code>GONGKAI_SEARCH_DOCS=100000 dotnet run -c Release --project bench/Gongkai.Benchmarks -- indexing</code>
/// </summary>
public static class SearchIndexingRun
{
    public static void Run(int documents)
    {
        var docs = SearchBenchCorpus.Items(1, documents).ToList();
        var folder = Directory.CreateTempSubdirectory("gongkai-index-run-").FullName;
        try
        {
            GC.Collect();
            using var ownPeak = new SearchBenchIndex.OwnMemoryPeak();
            var cpu = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            using (var index = new SearchIndex(folder))
            {
                foreach (var batch in docs.Chunk(500)) index.Upsert(batch);
                index.Commit(1);
            }
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
            var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
            SearchBenchIndex.Log(string.Create(CultureInfo.InvariantCulture,
                $"indexing only: {documents:N0} items in {seconds:F1} s = {documents / seconds:N0} items/s; CPU {cpuSeconds:F1} s = {documents / cpuSeconds:N0} items per CPU-second; index {size >> 20} MiB; own memory peak {ownPeak.PeakMiB} MiB (the generated items included); load {File.ReadAllText("/proc/loadavg").Trim()}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

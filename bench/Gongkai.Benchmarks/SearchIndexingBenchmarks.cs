using BenchmarkDotNet.Attributes;
using Gongkai.Features.Search;

namespace Gongkai.Benchmarks;

/// <summary>
/// Indexing throughput (the requirement: at least 2,000 items/s): 20,000 items into an empty index
/// on disk, in batches of 500 as the change-log reader sends them, then a commit. Items are
/// generated beforehand so only indexing is timed. The reported time is per item: 1 s divided by
/// it is items/s.
/// <code>dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*SearchIndexingBenchmarks*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class SearchIndexingBenchmarks
{
    private const int Items = 20_000;
    private List<SearchDocument> _docs = [];
    private string _folder = "";

    [GlobalSetup]
    public void Setup() => _docs = SearchBenchCorpus.Items(1, Items).ToList();

    [IterationSetup]
    public void NewFolder() => _folder = Directory.CreateTempSubdirectory("gongkai-index-bench-").FullName;

    [Benchmark(OperationsPerInvoke = Items)]
    public long IndexItems()
    {
        using var index = new SearchIndex(_folder);
        foreach (var batch in _docs.Chunk(500)) index.Upsert(batch);
        index.Commit(1);
        return index.Count;
    }

    [IterationCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);
}

using BenchmarkDotNet.Running;
using Gongkai.Benchmarks;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Gongkai.Benchmarks -- latency    (search p50/p95 only, GONGKAI_SEARCH_DOCS items)
// dotnet run -c Release --project bench/Gongkai.Benchmarks -- indexing   (indexing throughput alone)
if (args is ["latency", ..])
{
    SearchLatency.Run(SearchBenchmarks.Sizes().Single());
    return;
}
if (args is ["indexing", ..])
{
    SearchIndexingRun.Run(SearchBenchmarks.Sizes().Single());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(CalendarBenchmarks).Assembly).Run(args);

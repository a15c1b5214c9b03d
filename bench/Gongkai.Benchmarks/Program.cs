using BenchmarkDotNet.Running;
using Gongkai.Benchmarks;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Gongkai.Benchmarks -- latency    (search p50/p95 only, GONGKAI_SEARCH_DOCS items)
// dotnet run -c Release --project bench/Gongkai.Benchmarks -- indexing   (indexing throughput alone)
// dotnet run -c Release --project bench/Gongkai.Benchmarks -- tokens     (terms per item, by kind)
// dotnet run -c Release --project bench/Gongkai.Benchmarks -- seed-items N (N published items into GONGKAI_BENCH_POSTGRES; bench/scale/million.sh)
if (args is ["latency", ..])
{
    SearchLatency.Run(SearchBenchmarks.Sizes().Single());
    return;
}
if (args is ["seed-items", var seedCount, ..])
{
    ItemSeed.Run(Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("Set GONGKAI_BENCH_POSTGRES to the database's connection string."),
        int.Parse(seedCount, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
if (args is ["tokens", ..])
{
    SearchTokenCount.Run(SearchBenchmarks.Sizes().Single());
    return;
}
if (args is ["indexing", ..])
{
    SearchIndexingRun.Run(SearchBenchmarks.Sizes().Single());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(CalendarBenchmarks).Assembly).Run(args);

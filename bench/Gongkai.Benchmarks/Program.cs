using BenchmarkDotNet.Running;
using Gongkai.Benchmarks;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CalendarBenchmarks).Assembly).Run(args);

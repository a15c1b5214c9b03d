using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

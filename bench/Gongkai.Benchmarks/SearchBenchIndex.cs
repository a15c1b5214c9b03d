using System.Diagnostics;
using System.Globalization;
using Gongkai.Features.Search;

namespace Gongkai.Benchmarks;

/// <summary>Builds (once) and reopens the benchmark indexes, and reports throughput, size and memory.</summary>
public static class SearchBenchIndex
{
    /// <summary>Bump with <see cref="SearchBenchCorpus"/> or the index schema, so stale indexes are rebuilt.</summary>
    private const string Version = "v5";

    public static string Folder(int documents) =>
        Path.Combine(Path.GetTempPath(), "gongkai-search-bench", $"{documents}-{Version}");

    public static SearchIndex OpenOrBuild(int documents)
    {
        var folder = Folder(documents);
        var index = new SearchIndex(folder);
        if (index.Checkpoint == documents && index.Count == documents)
        {
            Report("reopened");
            return index;
        }
        index.DeleteAll();
        using var ownPeak = new OwnMemoryPeak();
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        const int batch = 5_000;
        for (long from = 1; from <= documents; from += batch)
        {
            index.Upsert(SearchBenchCorpus.Items(from, Math.Min(batch, documents - from + 1)).ToList());
            if (from % 100_000 == 1 && from > 1)
                Log(string.Create(CultureInfo.InvariantCulture, $"indexed {from - 1:N0} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
        }
        index.Commit(documents);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        Log(string.Create(CultureInfo.InvariantCulture,
            $"indexing: {documents:N0} items in {seconds:F1} s = {documents / seconds:N0} items/s (generation included; one thread generates, {Environment.ProcessorCount} index); CPU {cpuSeconds:F0} s = {documents / cpuSeconds:N0} items per CPU-second; own memory peak {ownPeak.PeakMiB} MiB"));
        Report("after build");
        return index;
    }

    /// <summary>
    /// The highest anonymous resident memory (the process's own, not the mapped index files) seen by
    /// sampling every 200 ms: VmHWM counts mapped files too, so it says nothing about the heap's peak.
    /// </summary>
    internal sealed class OwnMemoryPeak : IDisposable
    {
        private readonly Timer _timer;
        private long _peakKb;

        public OwnMemoryPeak() => _timer = new Timer(_ => Sample(), null, 0, 200);

        public long PeakMiB { get { Sample(); return Interlocked.Read(ref _peakKb) >> 10; } }

        private void Sample()
        {
            if (!File.Exists("/proc/self/status")) return;
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("RssAnon:", StringComparison.Ordinal)) continue;
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                for (long seen; (seen = Interlocked.Read(ref _peakKb)) < kb && Interlocked.CompareExchange(ref _peakKb, kb, seen) != seen;) { }
                return;
            }
        }

        public void Dispose() => _timer.Dispose();
    }

    /// <summary>
    /// Memory as the kernel counts it. The index is memory-mapped: pages of it that are read count
    /// in the resident set as file pages (RssFile), which the kernel drops under pressure; the
    /// process's own memory is RssAnon.
    /// </summary>
    public static void Report(string when)
    {
        var status = File.Exists("/proc/self/status") ? File.ReadAllLines("/proc/self/status") : [];
        string Kb(string key) => status.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal)) is { } line
            ? (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) >> 10).ToString(CultureInfo.InvariantCulture) + " MiB"
            : "?";
        var folder = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "gongkai-search-bench"));
        var size = folder.Exists ? folder.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
        Log(string.Create(CultureInfo.InvariantCulture,
            $"memory {when}: resident {Kb("VmRSS")} (peak {Kb("VmHWM")}) = own {Kb("RssAnon")} + mapped index files {Kb("RssFile")}; GC heap {GC.GetTotalMemory(false) >> 20} MiB; benchmark indexes on disk {size >> 20} MiB; load {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    /// <summary>Printed and appended to BenchmarkDotNet.Artifacts/search.log (the run's console output is long).</summary>
    public static void Log(string line)
    {
        Console.WriteLine("// " + line);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        File.AppendAllText(Path.Combine("BenchmarkDotNet.Artifacts", "search.log"),
            DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " " + line + Environment.NewLine);
    }
}

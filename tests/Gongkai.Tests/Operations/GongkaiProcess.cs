using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Operations;

internal sealed record ProcessResult(int ExitCode, string Output, string Errors);

/// <summary>
/// The built app as an operator runs it: `dotnet Gongkai.dll VERB ...` in its own process, configured
/// by environment variables only, on a temp data folder and the test run's database provider.
/// </summary>
internal sealed class GongkaiProcess : IAsyncDisposable
{
    public const string AdminPassword = "CliAdminPass2026";

    public string Root { get; } = Directory.CreateTempSubdirectory("gongkai-cli-").FullName;
    public TestDatabase Database { get; } = TestDatabase.Create();
    public Dictionary<string, string?> Environment { get; } = [];

    public string DataPath => Path.Combine(Root, "data");

    /// <summary>The Gongkai.dll built with this test assembly (copied next to it), else the one in src/Gongkai/bin.</summary>
    public static string AppDll { get; } = FindAppDll();

    public GongkaiProcess()
    {
        Environment["Gongkai__DataPath"] = DataPath;
        Environment["Gongkai__Demo"] = "false";
        Environment["GONGKAI_ADMIN_PASSWORD"] = AdminPassword;
        Environment["Gongkai__Database__Provider"] = Database.Provider;
        if (Database.IsPostgres) Environment["ConnectionStrings__Gongkai"] = Database.ConnectionString;
    }

    public ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root, // no appsettings.json here: only the environment configures it
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ConnectionStrings__Gongkai" })
            start.Environment.Remove(name);
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        return start;
    }

    public async Task<ProcessResult> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Gongkai {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return new ProcessResult(process.ExitCode, await output, await errors);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DropAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindAppDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Gongkai.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Gongkai.runtimeconfig.json"))) return beside;
        // tests/Gongkai.Tests/bin/<Configuration>/<tfm>/ → src/Gongkai/bin/<Configuration>/<tfm>/
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!;
        var repo = configuration.Parent!.Parent!.Parent!.Parent!;
        var built = Path.Combine(repo.FullName, "src", "Gongkai", "bin", configuration.Name, tfm.Name, "Gongkai.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("Gongkai.dll was not built next to the tests or in src/Gongkai/bin", built);
    }
}

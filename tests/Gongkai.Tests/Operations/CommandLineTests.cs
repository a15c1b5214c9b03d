using System.Diagnostics;
using System.Net;

namespace Gongkai.Tests.Operations;

/// <summary>The verbs through the real process: exit codes say what happened, messages name the problem.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Unknown_verb_exits_2_with_usage_in_chinese()
    {
        await using var gk = new GongkaiProcess();
        var result = await gk.RunAsync("frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("未知命令“frobnicate”", result.Errors);
        Assert.Contains("用法 / Usage", result.Errors);
    }

    [Fact]
    public async Task Restore_without_yes_exits_2_and_changes_nothing()
    {
        await using var gk = new GongkaiProcess();
        var result = await gk.RunAsync("restore", "--from", Path.Combine(gk.Root, "x.zip"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", result.Errors);
    }

    [Fact]
    public async Task Unknown_provider_exits_3_naming_the_setting()
    {
        await using var gk = new GongkaiProcess();
        gk.Environment["Gongkai__Database__Provider"] = "Oracle";
        var result = await gk.RunAsync("migrate");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Gongkai:Database:Provider", result.Errors);
        Assert.Contains("未知的数据库类型“Oracle”", result.Errors);
    }

    [Fact]
    public async Task Data_folder_under_a_regular_file_exits_3_naming_the_folder()
    {
        await using var gk = new GongkaiProcess();
        var file = Path.Combine(gk.Root, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var dataPath = Path.Combine(file, "data");
        gk.Environment["Gongkai__DataPath"] = dataPath;
        var result = await gk.RunAsync("migrate");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains(dataPath, result.Errors);
        Assert.Contains("Gongkai__DataPath", result.Errors);
    }

    [Fact]
    public async Task Migrate_backup_verify_audit_and_restore_exit_0_and_a_missing_archive_exits_1()
    {
        await using var gk = new GongkaiProcess();
        Assert.Equal(0, (await gk.RunAsync("migrate")).ExitCode);
        var zip = Path.Combine(gk.Root, "x.zip");
        var backup = await gk.RunAsync("backup", "--out", zip);
        Assert.True(backup.ExitCode == 0, backup.Errors);
        Assert.Contains($"Backup written: {zip}", backup.Output);
        Assert.True(File.Exists(zip));
        var verify = await gk.RunAsync("verify-audit");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("审计日志完整", verify.Output);
        var restore = await gk.RunAsync("restore", "--from", zip, "--yes");
        Assert.True(restore.ExitCode == 0, restore.Errors);
        var missing = await gk.RunAsync("restore", "--from", Path.Combine(gk.Root, "nope.zip"), "--yes");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("找不到备份文件", missing.Errors);
    }

    [Fact]
    public async Task Backup_beside_a_running_server_then_restore_refused_until_sigterm_stops_it_gracefully()
    {
        if (OperatingSystem.IsWindows()) return; // SIGTERM is a Unix signal
        await using var gk = new GongkaiProcess();
        var url = $"http://127.0.0.1:{GongkaiProcess.FreePort()}";
        using var server = Process.Start(gk.StartInfo("--urls", url))!;
        var output = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
            await WaitUntilHealthyAsync(http, server);

            var zip = Path.Combine(gk.Root, "online.zip");
            var backup = await gk.RunAsync("backup", "--out", zip);
            Assert.True(backup.ExitCode == 0, backup.Errors);
            var refused = await gk.RunAsync("restore", "--from", zip, "--yes");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("请先停止服务再恢复", refused.Errors);

            var stopping = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.WaitForExitAsync(timeout.Token);
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(20), $"shutdown took {stopping.Elapsed} (ShutdownTimeout is 20 s)");
            Assert.True(server.ExitCode == 0, $"exit {server.ExitCode}: {await errors}");

            var restore = await gk.RunAsync("restore", "--from", zip, "--yes");
            Assert.True(restore.ExitCode == 0, restore.Errors);
            Assert.Contains("恢复完成", restore.Output);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await Task.WhenAll(output, errors);
        }
    }

    [Fact]
    public async Task While_a_restore_holds_the_data_folder_a_server_exits_3_and_a_backup_exits_1()
    {
        await using var gk = new GongkaiProcess();
        Assert.Equal(0, (await gk.RunAsync("migrate")).ExitCode);
        // What a running restore holds: the data-folder lock, exclusively.
        using (new FileStream(Path.Combine(gk.DataPath, "gongkai.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var backup = await gk.RunAsync("backup", "--out", Path.Combine(gk.Root, "x.zip"));
            Assert.Equal(1, backup.ExitCode);
            Assert.Contains("正在恢复", backup.Errors);
            Assert.False(File.Exists(Path.Combine(gk.Root, "x.zip")));

            var server = await gk.RunAsync("--urls", $"http://127.0.0.1:{GongkaiProcess.FreePort()}");
            Assert.Equal(3, server.ExitCode);
            Assert.Contains("正在恢复备份，恢复完成前服务不能启动", server.Errors);
        }
    }

    private static async Task WaitUntilHealthyAsync(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, "the server exited during startup");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        Assert.Fail("the server did not become healthy within a minute");
    }
}

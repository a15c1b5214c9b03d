using Gongkai.Features.Operations;

namespace Gongkai.Tests.Operations;

/// <summary>
/// pg_dump and pg_restore are outside tools: when they are missing or fail, the operator reads why,
/// and a failed restore leaves database and files as they were. PostgreSQL only: SQLite needs no tools.
/// </summary>
public sealed class PostgresToolsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gongkai-pgtools-test-").FullName;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    public void Dispose()
    {
        _timeout.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Missing_pg_dump_and_a_failing_pg_restore_are_reported_and_change_nothing()
    {
        await using var own = await OwnApp.StartAsync();
        if (!own.App.Database.IsPostgres || OperatingSystem.IsWindows()) return; // SQLite backs up and restores in-process
        var ct = _timeout.Token;
        File.WriteAllText(Path.Combine(own.FilesPath, "现有文件.txt"), "备份时");
        var zip = await BackupService.CreateAsync(own.App.Services, Path.Combine(_work, "good.zip"), ct);
        File.WriteAllText(Path.Combine(own.FilesPath, "现有文件.txt"), "当前");

        // A pg_restore that fails after the files were swapped in, and logs how it was called.
        var tools = Directory.CreateDirectory(Path.Combine(_work, "tools")).FullName;
        var realRestore = PostgresDatabaseCopy.FindTool("pg_restore", null);
        var log = Path.Combine(_work, "calls.log");
        var script = Path.Combine(tools, "pg_restore");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            case "$*" in *--list*) exec "{{realRestore}}" "$@";; esac
            echo "args: $*" >> "{{log}}"
            echo "password set: ${PGPASSWORD:+yes}" >> "{{log}}"
            echo "pg_restore: error: simulated failure" >&2
            exit 1
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await own.StopServerAsync();
        await using var offline = own.Offline(("Gongkai:Backup:PostgresBinPath", tools));
        var tables = await Snapshot.TablesAsync(offline.Services);
        var files = Snapshot.Files(own.FilesPath);

        var noDump = await Assert.ThrowsAsync<BackupException>(() => BackupService.CreateAsync(offline.Services, Path.Combine(_work, "x.zip"), ct));
        Assert.Contains("找不到 pg_dump", noDump.Message);
        Assert.Contains("Gongkai:Backup:PostgresBinPath", noDump.Message);
        Assert.False(File.Exists(Path.Combine(_work, "x.zip")));

        var failed = await Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(offline.Services, zip, ct));
        Assert.Contains("pg_restore failed with exit code 1 (rolled back: the database is unchanged)", failed.Message);
        Assert.Contains("simulated failure", failed.Message);
        Snapshot.Equal(tables, await Snapshot.TablesAsync(offline.Services));
        Snapshot.Equal(files, Snapshot.Files(own.FilesPath));

        // The password travelled in PGPASSWORD, never in the arguments that `ps` shows.
        var calls = File.ReadAllText(log);
        Assert.Contains("password set: yes", calls);
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(own.App.Database.ConnectionString).Password!, calls);
        Assert.Contains("--single-transaction", calls);
    }
}

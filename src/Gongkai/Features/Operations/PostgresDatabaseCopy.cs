using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Npgsql;

namespace Gongkai.Features.Operations;

/// <summary>Settings under "Gongkai:Backup".</summary>
public sealed class BackupOptions
{
    public const string Section = "Gongkai:Backup";

    /// <summary>Folder holding pg_dump and pg_restore, when those on PATH are older than the server.</summary>
    public string? PostgresBinPath { get; set; }
}

/// <summary>PostgreSQL: pg_dump for the copy, pg_restore in one transaction for the restore.</summary>
internal sealed class PostgresDatabaseCopy(string connectionString, BackupOptions options) : IDatabaseCopy
{
    public string Member => "database/gongkai.pgdump";

    // The custom format is compressed already.
    public CompressionLevel Compression => CompressionLevel.NoCompression;

    // pg_dump reads inside one repeatable-read snapshot: consistent while the server writes.
    public Task DumpAsync(string file, CancellationToken ct) =>
        RunAsync("pg_dump", ["--format=custom", "--no-password", $"--file={file}"], restoring: false, ct);

    public string StagingFile(string stagingFolder) => Path.Combine(stagingFolder, "gongkai.pgdump");

    public Task CheckStagedAsync(string staged, CancellationToken ct) =>
        RunAsync("pg_restore", ["--list", staged], restoring: false, ct);

    // --single-transaction: a failure half-way rolls everything back, so the old data stays.
    // --no-owner: the objects belong to the configured user, whoever owned them where the dump was made.
    public Task ReplaceAsync(string staged, CancellationToken ct) =>
        RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--no-password",
            $"--dbname={DatabaseConnInfo()}", staged], restoring: true, ct);

    private string DatabaseConnInfo()
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var name = b.Database ?? b.Username ?? Environment.UserName;
        // A conninfo, so that a name with '=' or a URI-like name is never read as one; the rest comes from PG* variables.
        return $"dbname='{name.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal)}'";
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, bool restoring, CancellationToken ct)
    {
        var start = new ProcessStartInfo(FindTool(tool, options.PostgresBinPath))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        SetConnectionEnvironment(start.Environment, connectionString);

        using var process = Process.Start(start)
            ?? throw new BackupException($"无法启动 {tool}。Could not start {start.FileName}.");
        // Both pipes drained, or a chatty tool blocks on a full pipe.
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // pg_restore's transaction then rolls back
            throw;
        }
        var errors = (await stderr).Trim();
        await stdout;
        if (process.ExitCode != 0)
            throw new BackupException(
                $"{tool} 执行失败（退出码 {process.ExitCode}）{(restoring ? "，已回滚，数据库未改变" : "")}。" +
                $"{tool} failed with exit code {process.ExitCode}{(restoring ? " (rolled back: the database is unchanged)" : "")}:{Environment.NewLine}{errors}");
    }

    /// <summary>
    /// Connection details go to the tools as PG* environment variables: on the command line the
    /// password would be visible to anyone running `ps`.
    /// </summary>
    internal static void SetConnectionEnvironment(IDictionary<string, string?> environment, string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) environment[name] = value;
        }
        Set("PGHOST", b.Host);
        Set("PGPORT", b.Port.ToString(CultureInfo.InvariantCulture));
        Set("PGDATABASE", b.Database);
        Set("PGUSER", b.Username);
        Set("PGPASSWORD", b.Password);
        Set("PGPASSFILE", b.Passfile);
        Set("PGSSLMODE", b.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        Set("PGSSLROOTCERT", b.RootCertificate);
        Set("PGSSLCERT", b.SslCertificate);
        Set("PGSSLKEY", b.SslKey);
        Set("PGCONNECT_TIMEOUT", b.Timeout.ToString(CultureInfo.InvariantCulture));
        Set("PGOPTIONS", b.Options);
        environment["PGAPPNAME"] = "gongkai-backup";
    }

    /// <summary>The configured folder, else PATH, else the newest /usr/lib/postgresql/N/bin (Debian, Ubuntu).</summary>
    internal static string FindTool(string tool, string? configuredFolder)
    {
        var file = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        IEnumerable<string> folders;
        if (!string.IsNullOrWhiteSpace(configuredFolder))
            folders = [configuredFolder];
        else
        {
            var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var debian = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : [];
            folders = path.Concat(debian);
        }
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, file);
            if (File.Exists(candidate)) return candidate;
        }
        var where = string.IsNullOrWhiteSpace(configuredFolder) ? "PATH or /usr/lib/postgresql/*/bin" : configuredFolder;
        throw new BackupException(
            $"找不到 {tool}。请安装 PostgreSQL 客户端工具（与服务器同版本或更新），或用 Gongkai__Backup__PostgresBinPath 指定其目录。" +
            $"{tool} was not found in {where}: install the PostgreSQL client tools (same major version as the server or newer) " +
            "or set Gongkai:Backup:PostgresBinPath to their folder.");
    }
}

using System.Data.Common;
using System.Reflection;
using Gongkai.Data;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Operations;

/// <summary>A backup or restore that was refused or failed. The message is for the operator, in Chinese and English.</summary>
public sealed class BackupException : Exception
{
    public BackupException(string message) : base(message) { }
    public BackupException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>
/// `backup` writes one zip: manifest.json, the database and files/** (the search index is a
/// rebuildable cache and stays out). It runs beside a live server. `restore` needs every server on
/// the data folder stopped (<see cref="DataFolderLock"/>), checks the whole archive before anything
/// live changes, then swaps in files and database, migrates, and empties the index so it is rebuilt.
/// </summary>
public static class BackupService
{
    public static async Task<string> CreateAsync(IServiceProvider services, string? outFile, CancellationToken ct)
    {
        var run = BackupRun.From(services);
        var target = BackupTarget.Choose(run.Options, outFile, run.LocalNow);
        using var shared = DataFolderLock.Shared(run.Options.FullDataPath, path =>
            $"数据目录“{run.Options.FullDataPath}”正在恢复，请在恢复完成后再备份。A restore is running in {run.Options.FullDataPath} (lock file {path}): back up once it has finished.");
        // Beside the target, so the finished archive gets its name by a rename on one file system.
        var staging = BackupTarget.CreateFolder(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.tmp-");
        try
        {
            // The database first, then the files. Code that stores files writes a file before committing
            // the row that names it and deletes it only after the row is gone; then every file the
            // snapshot names is still there to copy, and files newer than the snapshot are harmless extras.
            var dump = Path.Combine(staging, "database");
            await run.Database.DumpAsync(dump, ct);
            var migration = (await AppliedMigrationsAsync(services, ct)).LastOrDefault()
                ?? throw new BackupException("数据库尚未初始化，没有可备份的数据。请先运行 migrate。The database has no applied migrations: run `migrate` (or start the server) first.");
            var header = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion, run.Provider.ToString(),
                run.UtcNow, migration, AppVersion, run.Database.Member, 0, 0, []);
            var zip = Path.Combine(staging, "backup.zip");
            var manifest = await BackupArchive.WriteAsync(zip, header, dump, run.Database.Compression, run.Options.FilesPath, ct);
            File.Move(zip, target, overwrite: true);
            run.Logger.LogInformation("Backup written to {BackupFile}: {Provider} database at migration {Migration}, {FileCount} files ({FilesBytes} bytes)",
                target, manifest.Provider, manifest.Migration, manifest.FileCount, manifest.FilesBytes);
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            throw new BackupException($"备份失败，未生成备份文件：{e.Message} Backup failed, no archive was written: {e.Message}", e);
        }
        finally
        {
            BackupTarget.TryDelete(staging);
        }
    }

    public static async Task RestoreAsync(IServiceProvider services, string from, CancellationToken ct)
    {
        var run = BackupRun.From(services);
        var options = run.Options;
        using var archive = BackupArchiveReader.Open(Path.GetFullPath(from));
        var manifest = archive.Manifest;
        if (!string.Equals(manifest.Provider, run.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new BackupException(
                $"备份来自 {manifest.Provider} 数据库，而当前配置的是 {run.Provider}，不能恢复。未做任何更改。" +
                $"The backup holds a {manifest.Provider} database but Gongkai:Database:Provider is {run.Provider}: refused, nothing was changed.");
        await CheckMigrationsAsync(services, run, manifest, checkLive: false, ct);

        using var exclusive = DataFolderLock.Exclusive(options.FullDataPath);
        await CheckMigrationsAsync(services, run, manifest, checkLive: true, ct);
        var staging = BackupTarget.CreateFolder(options.FullDataPath, ".restore-");
        var stagedDatabase = run.Database.StagingFile(staging);
        try
        {
            // Everything is extracted and checked against the manifest before anything live changes.
            await archive.ExtractAsync(manifest.Members.Single(m => m.Path == manifest.DatabaseMember), stagedDatabase, ct);
            var stagedFiles = Path.Combine(staging, "files");
            await archive.ExtractFilesAsync(stagedFiles, ct);
            await run.Database.CheckStagedAsync(stagedDatabase, ct);

            // The old files wait outside the staging folder: if putting them back fails, they must survive the clean-up.
            var swap = FolderSwap.Replace(options.FilesPath, stagedFiles, staging + ".previous-files");
            try
            {
                await run.Database.ReplaceAsync(stagedDatabase, ct);
            }
            catch
            {
                swap.RollBack(Path.Combine(staging, "files.discarded"));
                throw;
            }
            swap.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            throw new BackupException($"恢复失败：{e.Message} Restore failed: {e.Message}", e);
        }
        finally
        {
            BackupTarget.TryDelete(staging);
            BackupTarget.TryDeleteFile(stagedDatabase);
        }

        try
        {
            await DatabaseSetup.MigrateAsync(services, ct);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            throw new BackupException(
                $"数据已恢复，但数据库迁移失败：{e.Message}。请运行 migrate。Data restored, but migrating it failed: {e.Message} Run `migrate`.", e);
        }
        BackupTarget.EmptyFolder(options.IndexPath);
        run.Logger.LogInformation("Restored {BackupFile} ({Provider} database at migration {Migration}, {FileCount} files, made {CreatedAtUtc:O})",
            Path.GetFullPath(from), manifest.Provider, manifest.Migration, manifest.FileCount, manifest.CreatedAtUtc);
    }

    /// <summary>
    /// Refuses an archive from a newer Gongkai (its last migration is unknown here) and, on PostgreSQL,
    /// a database that has migrations the archive lacks: pg_restore --clean drops only what the
    /// archive holds, so the newer tables would stay and the migrations afterwards would fail.
    /// </summary>
    private static async Task CheckMigrationsAsync(IServiceProvider services, BackupRun run, BackupManifest manifest, bool checkLive, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        if (!checkLive)
        {
            if (!db.Database.GetMigrations().Contains(manifest.Migration))
                throw new BackupException(
                    $"备份来自更新版本的 Gongkai（{manifest.AppVersion}，迁移 {manifest.Migration}），请先升级再恢复。未做任何更改。" +
                    $"The backup comes from a newer Gongkai ({manifest.AppVersion}, migration {manifest.Migration} is unknown here): upgrade first. Nothing was changed.");
            return;
        }
        if (run.Provider != DatabaseProvider.PostgreSQL) return; // the SQLite file is replaced whole
        var newer = (await AppliedMigrationsAsync(services, ct)).Where(m => string.CompareOrdinal(m, manifest.Migration) > 0).ToList();
        if (newer.Count > 0)
            throw new BackupException(
                $"当前数据库已执行备份之后的迁移（{string.Join(", ", newer)}），不能直接恢复。请新建一个空数据库并指向它，再恢复。未做任何更改。" +
                $"The database has migrations newer than the backup ({string.Join(", ", newer)}): restore into a new, empty database " +
                "(point ConnectionStrings__Gongkai at it). Nothing was changed.");
    }

    private static async Task<List<string>> AppliedMigrationsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        try
        {
            return (await db.Database.GetAppliedMigrationsAsync(ct)).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            throw new BackupException($"无法连接数据库：{e.Message} Cannot reach the database: {e.Message}", e);
        }
    }

    private static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <summary>What one backup or restore works with, from the application's services.</summary>
internal sealed record BackupRun(GongkaiOptions Options, DatabaseProvider Provider, IDatabaseCopy Database, DateTime UtcNow, DateTime LocalNow, ILogger Logger)
{
    public static BackupRun From(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GongkaiOptions>>().Value;
        var info = services.GetRequiredService<DatabaseInfo>();
        var clock = services.GetRequiredService<TimeProvider>();
        IDatabaseCopy database = info.Provider == DatabaseProvider.Sqlite
            ? new SqliteDatabaseCopy(info.ConnectionString)
            : new PostgresDatabaseCopy(info.ConnectionString, services.GetRequiredService<IOptions<BackupOptions>>().Value);
        return new BackupRun(options, info.Provider, database, clock.GetUtcNow().UtcDateTime, clock.GetLocalNow().DateTime,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongkai.Operations.Backup"));
    }
}

using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Gongkai.Features.Operations;

/// <summary>How one database provider is copied into an archive and put back.</summary>
internal interface IDatabaseCopy
{
    /// <summary>The archive member that holds the database.</summary>
    string Member { get; }

    CompressionLevel Compression { get; }

    /// <summary>Writes a consistent copy of the live database to <paramref name="file"/>.</summary>
    Task DumpAsync(string file, CancellationToken ct);

    /// <summary>Where restore extracts the copy before it replaces the live database.</summary>
    string StagingFile(string stagingFolder);

    /// <summary>Checks the extracted copy before anything live changes.</summary>
    Task CheckStagedAsync(string staged, CancellationToken ct);

    /// <summary>Replaces the live database with the staged copy: all or nothing.</summary>
    Task ReplaceAsync(string staged, CancellationToken ct);
}

/// <summary>SQLite: the online backup API for the copy, an atomic rename for the restore.</summary>
internal sealed class SqliteDatabaseCopy(string connectionString) : IDatabaseCopy
{
    public string Member => "database/gongkai.db";

    public CompressionLevel Compression => CompressionLevel.Optimal;

    private string DatabaseFile => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public async Task DumpAsync(string file, CancellationToken ct)
    {
        var live = DatabaseFile;
        if (!File.Exists(live))
            throw new BackupException(
                $"数据库文件“{live}”不存在，请检查数据目录设置或先运行 migrate。" +
                $"The SQLite database {live} does not exist: check Gongkai__DataPath (or ConnectionStrings__Gongkai) or run `migrate`.");
        // ReadWrite, not ReadWriteCreate: a wrong path must fail, not create an empty database to back up.
        await using var source = new SqliteConnection(Unpooled(connectionString, SqliteOpenMode.ReadWrite));
        await using var target = new SqliteConnection(ForFile(file, SqliteOpenMode.ReadWriteCreate));
        await source.OpenAsync(ct);
        await target.OpenAsync(ct);
        // sqlite3_backup_step(-1) copies every page inside one read transaction: a snapshot of one
        // moment, while (in WAL mode) the server goes on writing.
        await Task.Run(() => source.BackupDatabase(target), ct);
        // A self-contained file: no -wal beside it in the archive. The restore turns WAL back on.
        await ScalarAsync(target, "PRAGMA journal_mode=DELETE;", ct);
        var check = await ScalarAsync(target, "PRAGMA quick_check;", ct);
        if (check != "ok")
            throw new BackupException($"数据库副本校验失败：{check}。The SQLite copy failed its integrity check: {check}");
    }

    /// <summary>Next to the live file, so replacing it is a rename on one file system.</summary>
    public string StagingFile(string stagingFolder)
    {
        var live = DatabaseFile;
        return Path.Combine(Path.GetDirectoryName(live)!, $".{Path.GetFileName(live)}.restore-{Guid.NewGuid():N}");
    }

    public async Task CheckStagedAsync(string staged, CancellationToken ct)
    {
        string? check;
        try
        {
            await using var connection = new SqliteConnection(ForFile(staged, SqliteOpenMode.ReadWrite));
            await connection.OpenAsync(ct);
            check = await ScalarAsync(connection, "PRAGMA integrity_check;", ct);
        }
        catch (SqliteException e)
        {
            check = e.Message;
        }
        if (check != "ok")
            throw new BackupException($"备份中的数据库无法使用：{check}。未做任何更改。The database in the backup is not usable: {check}. Nothing was changed.");
    }

    public async Task ReplaceAsync(string staged, CancellationToken ct)
    {
        var live = DatabaseFile;
        // This process's pooled connections still hold the old file open; nobody else does (the
        // exclusive data-folder lock keeps Gongkai servers and backups out).
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        if (File.Exists(live))
        {
            // Fold the WAL into the old file first: if the rename below never happens, the old
            // database is still whole without its -wal.
            try
            {
                await using var old = new SqliteConnection(Unpooled(connectionString, SqliteOpenMode.ReadWrite));
                await old.OpenAsync(ct);
                await ScalarAsync(old, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
            }
            catch (SqliteException)
            {
                // A damaged database is a common reason to restore: it is replaced all the same.
            }
        }
        // A stale -wal beside the new file would be replayed into it: remove before the rename.
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" }) File.Delete(live + suffix);
        File.Move(staged, live, overwrite: true);
    }

    private static string Unpooled(string connectionString, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = mode }.ToString();

    private static string ForFile(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = mode }.ToString();

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

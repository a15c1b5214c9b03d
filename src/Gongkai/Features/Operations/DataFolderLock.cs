using Gongkai.Hosting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Operations;

/// <summary>
/// An advisory lock on &lt;DataPath&gt;/gongkai.lock. A running server and a backup hold it shared;
/// a restore holds it exclusively. So a restore never swaps the database and files under a live
/// server (its pooled SQLite connections would keep writing the replaced file, its index would
/// point at the old data), and neither a server nor a backup can start half-way through a restore.
/// It sees only processes that share this data folder: PostgreSQL instances on other machines
/// must be stopped by hand before a restore.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    public const string FileName = "gongkai.lock";

    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream) => _stream = stream;

    public void Dispose() => _stream.Dispose();

    /// <summary>Shared with other servers and backups; refused while a restore runs.</summary>
    public static DataFolderLock Shared(string dataPath, Func<string, string> whenLocked) =>
        // .NET takes flock(LOCK_SH) for a read-only handle that shares, and LOCK_EX for FileShare.None
        // (sharing modes on Windows): the same semantics on both.
        Acquire(dataPath, FileAccess.Read, FileShare.ReadWrite, whenLocked);

    /// <summary>Only when no server, backup or other restore uses the data folder.</summary>
    public static DataFolderLock Exclusive(string dataPath) =>
        Acquire(dataPath, FileAccess.ReadWrite, FileShare.None, path =>
            $"数据目录“{dataPath}”正被运行中的 Gongkai 服务（或另一个备份、恢复）使用。请先停止服务再恢复。" +
            $"The data folder {dataPath} is in use by a running Gongkai server, backup or restore (lock file {path}): " +
            "stop every server that uses it, then restore.");

    private static DataFolderLock Acquire(string dataPath, FileAccess access, FileShare share, Func<string, string> whenLocked)
    {
        var path = Path.Combine(dataPath, FileName);
        try
        {
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, access, share));
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"无法在数据目录“{dataPath}”中创建锁文件。Cannot create the lock file {path}: {e.Message} " +
                "Check Gongkai__DataPath and the folder's permissions.", e);
        }
        catch (IOException e)
        {
            throw new BackupException(whenLocked(path), e);
        }
    }
}

/// <summary>
/// Holds the shared data-folder lock for as long as the server runs. Startup should take it with
/// <see cref="Acquire"/> before migrating, so a server started during a restore never migrates a
/// half-restored database; as a hosted service it also takes it when the host starts.
/// </summary>
internal sealed class ServerDataFolderLock(IOptions<GongkaiOptions> options) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private DataFolderLock? _lock;

    /// <summary>Takes the lock once; throws <see cref="ConfigurationProblemException"/> while a restore runs.</summary>
    public void Acquire()
    {
        lock (_gate)
        {
            if (_lock is not null) return;
            var dataPath = options.Value.FullDataPath;
            try
            {
                _lock = DataFolderLock.Shared(dataPath, path =>
                    $"数据目录“{dataPath}”正在恢复备份，恢复完成前服务不能启动。" +
                    $"A restore is running in {dataPath} (lock file {path}): the server starts once it has finished.");
            }
            catch (BackupException e)
            {
                // Same kind of problem as a data folder that cannot be written: the server must not start.
                throw new ConfigurationProblemException(e.Message, e);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Acquire();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _lock?.Dispose();
            _lock = null;
        }
    }
}

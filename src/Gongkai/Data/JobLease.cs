using System.Text;
using Gongkai.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gongkai.Data;

/// <summary>
/// The right to run one named background job (scheduled publication, closing lapsed applications)
/// now, across every instance that shares the database. Runs of the same job never overlap: a run
/// waits until the previous one (on any instance) has finished, and then re-reads the state it
/// acts on, so work done by the previous run is seen and not done again — each job's effect happens
/// exactly once however many instances run it.
///
/// PostgreSQL: a session advisory lock held on a connection of its own (not pooled), so it is
/// released when the run ends or, if the process dies, when the server notices the dropped
/// connection. SQLite (instances on one machine sharing the data folder): an exclusive lock on a
/// file under &lt;DataPath&gt;/jobs, released by the operating system when the process dies.
/// No table is needed either way.
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly NpgsqlConnection? _connection;
    private readonly long _key;
    private readonly FileStream? _file;

    private JobLease(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    private JobLease(FileStream file) => _file = file;

    /// <summary>Waits until no other run of <paramref name="job"/> holds the lease, then holds it until disposed.</summary>
    public static async Task<JobLease> AcquireAsync(IServiceProvider services, string job, CancellationToken ct)
    {
        var database = services.GetRequiredService<DatabaseInfo>();
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            var key = KeyOf(job);
            // Unpooled: a session lock must never go back to the pool with the connection.
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
            var connection = new NpgsqlConnection(builder.ToString());
            try
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(ct);
                return new JobLease(connection, key);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        var folder = Path.Combine(services.GetRequiredService<IOptions<GongkaiOptions>>().Value.FullDataPath, "jobs");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, job + ".lock");
        while (true)
        {
            try
            {
                // FileShare.None takes flock(LOCK_EX) on Unix: one holder per file across processes.
                return new JobLease(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
            }
        }
    }

    /// <summary>A stable 64-bit key per job name (FNV-1a), the same on every instance and version.</summary>
    internal static long KeyOf(string job)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("gongkai-job:" + job))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null) await _file.DisposeAsync();
        if (_connection is null) return;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it: closing it below is all that is left.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}

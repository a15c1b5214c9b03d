using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Data;

public static class DatabaseSetup
{
    public static DatabaseProvider ParseProvider(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSQL,
        _ => throw new ConfigurationProblemException(
            $"Unknown database provider '{value}' in Gongkai:Database:Provider. Use 'Sqlite' or 'PostgreSQL'. " +
            $"未知的数据库类型“{value}”，请使用 Sqlite 或 PostgreSQL。"),
    };

    /// <summary>
    /// Registers both providers' DbContexts and exposes the configured one as <see cref="GongkaiDbContext"/>.
    /// Settings are read when first needed (not while the builder is configured), so tests and
    /// hosts that add configuration late are honoured.
    /// </summary>
    public static void AddGongkaiDatabase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GongkaiOptions>>().Value;
            var provider = ParseProvider(options.Database.Provider);
            var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("Gongkai");
            return new DatabaseInfo(provider, ResolveConnectionString(provider, configured, options));
        });
        services.AddScoped(sp => new DepartmentScopeAccessor(sp.GetService<IHttpContextAccessor>()));
        // Transient: endpoints and pages resolve it after authentication; never cache it per request.
        services.AddTransient(sp => sp.GetRequiredService<DepartmentScopeAccessor>().Current);
        services.AddScoped<IAuditActorAccessor, HttpAuditActorAccessor>();
        services.AddDbContext<SqliteGongkaiDbContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<DatabaseInfo>().ConnectionString));
        services.AddDbContext<PostgresGongkaiDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<DatabaseInfo>().ConnectionString));
        services.AddScoped<GongkaiDbContext>(sp => sp.GetRequiredService<DatabaseInfo>().Provider == DatabaseProvider.Sqlite
            ? sp.GetRequiredService<SqliteGongkaiDbContext>()
            : sp.GetRequiredService<PostgresGongkaiDbContext>());
    }

    private static string ResolveConnectionString(DatabaseProvider provider, string? configured, GongkaiOptions options)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            if (string.IsNullOrWhiteSpace(configured))
                throw new ConfigurationProblemException(
                    "Gongkai:Database:Provider is PostgreSQL but ConnectionStrings:Gongkai is empty. " +
                    "使用 PostgreSQL 时必须设置连接字符串 ConnectionStrings__Gongkai。");
            return configured;
        }
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.FullDataPath, "gongkai.db"),
            Pooling = true,
            DefaultTimeout = 30,
        };
        return builder.ToString();
    }

    /// <summary>
    /// Makes sure the data folders exist and are writable, then applies migrations.
    /// Fails with a message that names the folder or the database, never half-way through a migration.
    /// </summary>
    public static void PrepareDataFolder(GongkaiOptions options)
    {
        foreach (var path in new[] { options.FullDataPath, options.FilesPath, options.IndexPath })
        {
            try
            {
                Directory.CreateDirectory(path);
                var probe = Path.Combine(path, $".write-test-{Environment.ProcessId}");
                File.WriteAllText(probe, "ok");
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationProblemException(
                    $"The data folder '{path}' cannot be created or written ({e.Message}). Set Gongkai__DataPath to a writable folder. " +
                    $"数据目录“{path}”无法创建或写入。", e);
            }
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; set once per database file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);

using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongkai.Data;

/// <summary>The embedded default: one SQLite file under the data folder.</summary>
public sealed class SqliteGongkaiDbContext(
    DbContextOptions<SqliteGongkaiDbContext> options,
    IAuditActorAccessor? actor = null,
    DepartmentScopeAccessor? scope = null,
    TimeProvider? clock = null) : GongkaiDbContext(options, actor, scope, clock)
{
    // Microsoft.Data.Sqlite opens transactions with BEGIN IMMEDIATE, which already makes writers
    // wait for each other, so the audit chain needs no extra lock.
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>PostgreSQL, for several instances over one server.</summary>
public sealed class PostgresGongkaiDbContext(
    DbContextOptions<PostgresGongkaiDbContext> options,
    IAuditActorAccessor? actor = null,
    DepartmentScopeAccessor? scope = null,
    TimeProvider? clock = null) : GongkaiDbContext(options, actor, scope, clock)
{
    /// <summary>Any constant: all instances agree on it. Released when the transaction ends.</summary>
    private const long AuditChainLockKey = 0x476F6E676B6169; // "Gongkai"

    protected override async Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);
}

// Design-time factories used by `dotnet ef` (scripts/add-migration). They never connect.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongkaiDbContext>
{
    public SqliteGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongkaiDbContext>
{
    public PostgresGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql("Host=localhost;Database=gongkai_design").Options);
}

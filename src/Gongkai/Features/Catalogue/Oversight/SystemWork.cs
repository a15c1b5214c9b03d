using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Oversight;

/// <summary>
/// The publishing workflow acting as the system (系统), for background work that has no staff
/// member behind it. A background scope has no HTTP user, so the scope's own DbContext would write
/// without any audit entry; publishing is exactly what the audit log must show, so this builds a
/// DbContext and an <see cref="ItemWorkflow"/> whose actor is <see cref="AuditActor.System"/>.
/// </summary>
internal sealed class SystemWork : IAsyncDisposable
{
    private SystemWork(GongkaiDbContext db, ItemWorkflow workflow)
    {
        Db = db;
        Workflow = workflow;
    }

    public GongkaiDbContext Db { get; }
    public ItemWorkflow Workflow { get; }

    /// <param name="services">A scope's services (the options of the configured provider are resolved from it).</param>
    public static SystemWork Create(IServiceProvider services)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var actor = new FixedAuditActorAccessor(AuditActor.System);
        var scope = DepartmentScopeAccessor.Fixed(DepartmentScope.System);
        GongkaiDbContext db = services.GetRequiredService<DatabaseInfo>().Provider == DatabaseProvider.Sqlite
            ? new SqliteGongkaiDbContext(services.GetRequiredService<DbContextOptions<SqliteGongkaiDbContext>>(), actor, scope, clock)
            : new PostgresGongkaiDbContext(services.GetRequiredService<DbContextOptions<PostgresGongkaiDbContext>>(), actor, scope, clock);
        var numbers = new IndexNumberAllocator(db, services.GetRequiredService<IOptions<CatalogueOptions>>());
        // No HttpContext: the system never overrides the personal-data check.
        return new SystemWork(db, new ItemWorkflow(db, DepartmentScope.System, numbers, clock, actor, new HttpContextAccessor()));
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

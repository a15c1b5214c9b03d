using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Accounts;

/// <summary>A department's staff never read or change another department's non-public records.</summary>
public sealed class DepartmentScopeTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Department_staff_list_only_their_own_departments_accounts()
    {
        using var editor = await app.ApiAs("xinxiyuan"); // 教育局
        var rows = await editor.GetFromJsonAsync<JsonElement[]>("/api/staff/users");
        var names = rows!.Select(r => r.GetProperty("userName").GetString()).ToHashSet();
        Assert.Contains("xinxiyuan", names);
        Assert.Contains("shenheren", names);
        Assert.DoesNotContain("minzheng", names); // 民政局
        Assert.DoesNotContain("admin", names);

        var other = await editor.GetAsync("/api/staff/users/minzheng");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Office_admin_and_supervisor_read_every_department()
    {
        foreach (var user in new[] { "admin", "jianduyuan" })
        {
            using var client = await app.ApiAs(user);
            var rows = await client.GetFromJsonAsync<JsonElement[]>("/api/staff/users");
            var names = rows!.Select(r => r.GetProperty("userName").GetString()).ToHashSet();
            Assert.Contains("minzheng", names);
            Assert.Contains("xinxiyuan", names);
        }
    }

    [Fact]
    public async Task The_save_guard_refuses_a_write_to_another_departments_record()
    {
        // An editor of 教育局 acting through the DbContext (as a future feature might) cannot change
        // 民政局's account, nor move a record between departments: the guard is in SaveChanges, not in each page.
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var editorScope = ScopeOf(services, "xinxiyuan", StaffRoles.Editor);
        await using var db = CreateContext(services, editorScope, new AuditActor("x", "xinxiyuan", null, true));
        var foreign = await db.Users.SingleAsync(u => u.UserName == "minzheng");
        foreign.DisplayName = "改名";
        await Assert.ThrowsAsync<DepartmentScopeException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        var own = await db.Users.SingleAsync(u => u.UserName == "shenheren");
        own.DepartmentId = foreign.DepartmentId;
        await Assert.ThrowsAsync<DepartmentScopeException>(() => db.SaveChangesAsync());
        Assert.Equal("民政局信息员", app.Db(d => d.Users.Single(u => u.UserName == "minzheng").DisplayName));
    }

    [Fact]
    public async Task Supervisors_read_everything_but_write_nothing_scoped()
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var supervisor = ScopeOf(services, "jianduyuan", StaffRoles.Supervisor);
        Assert.True(supervisor.ReadsAll);
        Assert.False(supervisor.CanWrite(1));
        await using var db = CreateContext(services, supervisor, new AuditActor("s", "jianduyuan", null, true));
        var someone = await db.Users.SingleAsync(u => u.UserName == "xinxiyuan");
        someone.DisplayName = "监督员改的";
        await Assert.ThrowsAsync<DepartmentScopeException>(() => db.SaveChangesAsync());
    }

    private static DepartmentScope ScopeOf(IServiceProvider services, string userName, string role)
    {
        var db = services.GetRequiredService<Data.GongkaiDbContext>();
        var user = db.Users.AsNoTracking().Single(u => u.UserName == userName);
        var claims = new List<System.Security.Claims.Claim>
        {
            new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id),
            new(System.Security.Claims.ClaimTypes.Role, role),
        };
        if (user.DepartmentId is { } d) claims.Add(new(DepartmentScope.DepartmentClaim, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return DepartmentScope.For(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test")));
    }

    private static Data.GongkaiDbContext CreateContext(IServiceProvider services, DepartmentScope scope, AuditActor actor)
    {
        var info = services.GetRequiredService<Data.DatabaseInfo>();
        var accessor = new FixedAuditActorAccessor(actor);
        return info.Provider == Hosting.DatabaseProvider.Sqlite
            ? new Data.SqliteGongkaiDbContext(new DbContextOptionsBuilder<Data.SqliteGongkaiDbContext>().UseSqlite(info.ConnectionString).Options, accessor, DepartmentScopeAccessor.Fixed(scope))
            : new Data.PostgresGongkaiDbContext(new DbContextOptionsBuilder<Data.PostgresGongkaiDbContext>().UseNpgsql(info.ConnectionString).Options, accessor, DepartmentScopeAccessor.Fixed(scope));
    }
}

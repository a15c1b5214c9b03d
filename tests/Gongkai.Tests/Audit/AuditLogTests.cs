using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Features.Audit;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Audit;

public sealed class AuditLogTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task A_staff_write_is_recorded_with_who_before_and_after_and_the_chain_verifies()
    {
        using var admin = await app.ApiAs("admin");
        var response = await admin.PutAsJsonAsync("/api/departments/sjj", new { phone = "0451-12345678" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = app.Db(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Department" && e.Action == "Updated")
            .OrderByDescending(e => e.Sequence).First());
        Assert.Equal("admin", entry.ActorName);
        Assert.Contains("\"Phone\":\"0451-80000022\"", entry.Before);
        Assert.Contains("\"Phone\":\"0451-12345678\"", entry.After);
        Assert.DoesNotContain("Name", entry.After); // only the changed fields

        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verify.GetProperty("isIntact").GetBoolean());
        Assert.True(verify.GetProperty("checked").GetInt64() >= 2);
    }

    [Fact]
    public async Task Sign_ins_and_refused_tokens_are_audited_and_passwords_never_are()
    {
        using var client = app.Anonymous();
        await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "Wrong-password-9" });
        await app.TokenAsync("admin");
        var entries = app.Db(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "StaffUser").ToList());
        Assert.Contains(entries, e => e.Action == "TokenRefused" && e.ActorName == "admin");
        Assert.Contains(entries, e => e.Action == "TokenIssued" && e.ActorName == "admin");
        Assert.DoesNotContain(entries, e => (e.After ?? "").Contains("AQAAAA", StringComparison.Ordinal)); // Identity hash prefix
    }

    [Fact]
    public async Task The_log_is_append_only_in_the_context_and_in_the_database()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var first = await db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync();
        first.ActorName = "someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        // A direct SQL update (a console, a script) is refused by the trigger.
        await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'x' WHERE \"Sequence\" = 1"));
        await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 1"));
    }

    [Fact]
    public async Task Concurrent_staff_writes_keep_one_unbroken_chain()
    {
        var tasks = Enumerable.Range(0, 12).Select(async i =>
        {
            using var admin = await app.ApiAs("admin");
            var r = await admin.PutAsJsonAsync("/api/departments/tyj", new { phone = $"0451-7000{i:D4}" });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        });
        await Task.WhenAll(tasks);
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(default);
        Assert.True(result.IsIntact, result.Describe());
        var sequences = app.Db(db => db.AuditEntries.Select(e => e.Sequence).OrderBy(s => s).ToList());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }
}

/// <summary>Tampering needs its own database: it breaks the chain on purpose.</summary>
public sealed class AuditTamperingTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Verification_reports_the_first_tampered_entry()
    {
        using (var admin = await app.ApiAs("admin"))
        {
            for (var i = 0; i < 3; i++)
                Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/departments/daj", new { phone = $"0451-6000{i:D4}" })).StatusCode);
        }
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var target = await db.AuditEntries.Where(e => e.EntityType == "Department").OrderBy(e => e.Sequence).Select(e => e.Sequence).Skip(1).FirstAsync();

        // Someone with database access drops the guard and edits history.
        var (drop, create) = db.Database.IsSqlite()
            ? ("DROP TRIGGER \"AuditEntries_no_update\"", "")
            : ("DROP TRIGGER \"AuditEntries_append_only\" ON \"AuditEntries\"", "");
        await db.Database.ExecuteSqlRawAsync(drop);
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {"{\"Phone\":\"forged\"}"} WHERE \"Sequence\" = {target}");
        _ = create;

        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(default);
        Assert.False(result.IsIntact);
        Assert.Equal(target, result.FirstBrokenSequence);
        Assert.Contains("修改", result.Problem);

        using var supervisor = await app.ApiAs("jianduyuan");
        var api = await supervisor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.Equal(target, api.GetProperty("firstBrokenSequence").GetInt64());
    }
}

using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Audit;

public sealed record AuditEntryDto(long Sequence, DateTime OccurredAt, string ActorName, string? ActorIp, string Action,
    string EntityType, string EntityId, string? Before, string? After, string Hash);

public sealed record AuditPage(int Page, int PageSize, long Total, AuditEntryDto[] Entries);

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("审计日志")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireRole(StaffRoles.OfficeAdmin, StaffRoles.Supervisor))
            .AddEndpointFilter<ActiveStaffFilter>();
        group.MapGet("/", List).WithSummary("审计日志（公开办管理员、监督员）");
        group.MapGet("/verify", Verify).WithSummary("校验哈希链，报告第一条断裂的记录");
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> List(
        GongkaiDbContext db, int? page, int? pageSize, string? actor, string? entityType, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        var errors = new Dictionary<string, string[]>();
        if (p < 1) errors["page"] = ["页码应从1开始"];
        if (size is < 1 or > 500) errors["pageSize"] = ["每页条数应为1至500"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var query = AuditQueries.Filter(db.AuditEntries.AsNoTracking(), actor, entityType);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Sequence).Skip((p - 1) * size).Take(size)
            .Select(e => new AuditEntryDto(e.Sequence, e.OccurredAt, e.ActorName, e.ActorIp, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash))
            .ToArrayAsync(ct);
        return TypedResults.Ok(new AuditPage(p, size, total, rows));
    }

    private static async Task<Ok<AuditVerification>> Verify(AuditChainVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));
}

public static class AuditQueries
{
    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, string? actor, string? entityType)
    {
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(e => e.ActorName == actor.Trim());
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(e => e.EntityType == entityType.Trim());
        return query;
    }
}

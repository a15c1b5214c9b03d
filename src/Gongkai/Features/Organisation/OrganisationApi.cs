using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Organisation;

public sealed record DepartmentSummary(string Code, string Name, string CreditCode, string Kind);

public sealed record LeaderDto(string Name, string Title, string Responsibilities);

public sealed record DepartmentProfile(
    string Code, string Name, string CreditCode, string Kind, string KindName, string Duties, string Address,
    string OfficeHours, string Phone, LeaderDto[] Leaders, CommunityDto[] Communities);

public sealed record CommunityDto(string Name, string Kind);

/// <summary>Body of PUT /api/departments/{code}. Leaders and communities replace the current lists when given.</summary>
public sealed record DepartmentUpdate(
    string? Name, string? CreditCode, string? Duties, string? Address, string? OfficeHours, string? Phone,
    int? SortOrder, LeaderDto[]? Leaders, CommunityDto[]? Communities);

public static class OrganisationApi
{
    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/departments").WithTags("机构");
        open.MapGet("/", List).WithSummary("全部机构（区政府、工作部门、街道、乡镇）");
        open.MapGet("/{code}", Get).WithSummary("机构概况（第二十条（二））");

        app.MapPut("/api/departments/{code}", Update).WithTags("机构")
            .RequireAuthorization(Policies.ApiOfficeAdmin)
            .AddEndpointFilter<ActiveStaffFilter>()
            .WithSummary("修改机构信息（公开办管理员）");
    }

    private static async Task<Ok<DepartmentSummary[]>> List(GongkaiDbContext db, CancellationToken ct)
    {
        var rows = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Code, d.Name, d.CreditCode, d.Kind })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(d => new DepartmentSummary(d.Code, d.Name, d.CreditCode, d.Kind.ToString())).ToArray());
    }

    private static async Task<Results<Ok<DepartmentProfile>, ProblemHttpResult>> Get(string code, GongkaiDbContext db, CancellationToken ct)
    {
        var d = await db.Departments.AsNoTracking().Include(x => x.Leaders).Include(x => x.Communities)
            .FirstOrDefaultAsync(x => x.Code == code.ToLowerInvariant() && x.IsActive, ct);
        return d is null ? Problems.Problem(404, $"没有代码为“{code}”的机构。") : TypedResults.Ok(ToProfile(d));
    }

    internal static DepartmentProfile ToProfile(Department d) => new(
        d.Code, d.Name, d.CreditCode, d.Kind.ToString(), d.Kind.ToChinese(), d.Duties, d.Address, d.OfficeHours, d.Phone,
        d.Leaders.OrderBy(l => l.SortOrder).Select(l => new LeaderDto(l.Name, l.Title, l.Responsibilities)).ToArray(),
        d.Communities.OrderBy(c => c.Id).Select(c => new CommunityDto(c.Name, c.Kind.ToString())).ToArray());

    private static async Task<Results<Ok<DepartmentProfile>, ProblemHttpResult, ValidationProblem>> Update(
        string code, DepartmentUpdate body, GongkaiDbContext db, SiteNames siteNames, CancellationToken ct)
    {
        var d = await db.Departments.Include(x => x.Leaders).Include(x => x.Communities)
            .FirstOrDefaultAsync(x => x.Code == code.ToLowerInvariant(), ct);
        if (d is null) return Problems.Problem(404, $"没有代码为“{code}”的机构。");

        var errors = DepartmentEditing.Apply(d, body.Name, body.CreditCode, body.Duties, body.Address, body.OfficeHours, body.Phone, body.SortOrder);
        if (body.Leaders is not null) DepartmentEditing.ReplaceLeaders(d, body.Leaders, errors);
        if (body.Communities is not null) DepartmentEditing.ReplaceCommunities(d, body.Communities, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (body.CreditCode is not null && await db.Departments.AnyAsync(x => x.Id != d.Id && x.CreditCode == d.CreditCode, ct))
            return Problems.Validation(new() { ["creditCode"] = ["该统一社会信用代码已被其他机构使用"] });
        await db.SaveChangesAsync(ct);
        siteNames.Invalidate(); // the layout shows the government's and the office's names
        return TypedResults.Ok(ToProfile(d));
    }
}

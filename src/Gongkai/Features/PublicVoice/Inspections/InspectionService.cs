using Gongkai.Data;
using Gongkai.Features.Organisation;
using Gongkai.Features.Applications;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Inspections;

/// <summary>An inspection as the API and the form send it; the unit is a department code.</summary>
public sealed record InspectionRequest(
    string? InspectedOn, string? Department, string? Place, string? Method, string? Findings,
    string? Problems, string? PersonsNamed, string? Inspectors);

public sealed record InspectionView(
    long Id, DateOnly InspectedOn, string? DepartmentCode, string? Department, string Place, string Method, string Findings,
    string? Problems, string? PersonsNamed, string Inspectors, long? BulletinItemId, string CreatedBy);

/// <summary>
/// Unannounced inspections (明察暗访): recorded by the office's supervision staff only (the
/// endpoints and pages require <see cref="Accounts.Policies.Inspection"/>); what they find goes
/// into bulletins (通报, <see cref="BulletinService"/>).
/// </summary>
public sealed class InspectionService(GongkaiDbContext db, TimeProvider clock, IAuditActorAccessor actors)
{
    public static readonly string[] Methods = ["暗访", "明察", "电话暗访", "网上暗访", "随机抽查"];

    public async Task<List<InspectionView>> ListAsync(CancellationToken ct) =>
        await Project(db.Inspections.AsNoTracking().OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id)).ToListAsync(ct);

    public async Task<InspectionView?> GetAsync(long id, CancellationToken ct) =>
        await Project(db.Inspections.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<InspectionView> Project(IQueryable<Inspection> q) =>
        from i in q
        join d in db.Departments on i.DepartmentId equals d.Id into ds
        from d in ds.DefaultIfEmpty()
        select new InspectionView(i.Id, i.InspectedOn, d == null ? null : d.Code, d == null ? null : d.Name, i.Place, i.Method, i.Findings,
            i.Problems, i.PersonsNamed, i.Inspectors, i.BulletinItemId, i.CreatedBy);

    public async Task<Inspection> CreateAsync(InspectionRequest input, CancellationToken ct)
    {
        var inspection = new Inspection { CreatedBy = actors.Current?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyAsync(inspection, input, ct);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    public async Task<Inspection> UpdateAsync(long id, InspectionRequest input, CancellationToken ct)
    {
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException($"没有编号为 {id} 的明察暗访记录。");
        await ApplyAsync(inspection, input, ct);
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    private async Task ApplyAsync(Inspection i, InspectionRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var on = errors.Date("inspectedOn", input.InspectedOn, "检查日期");
        if (!errors.Has("inspectedOn") && on > ChinaTime.Today(clock)) errors.Add("inspectedOn", "检查日期不能晚于今天");
        int? department = null;
        if (string.IsNullOrWhiteSpace(input.Department)) errors.Add("department", "请选择被检查单位");
        else
        {
            department = await db.Departments.IdByCodeAsync(input.Department, activeOnly: false, ct);
            if (department is null) errors.Add("department", $"没有代码为“{input.Department}”的单位");
        }
        var place = errors.Text("place", input.Place, 200, "检查地点", required: true);
        var method = errors.Text("method", input.Method, 50, "检查方式", required: true);
        var findings = errors.Text("findings", input.Findings, 10000, "检查情况", required: true);
        var problems = errors.Text("problems", input.Problems, 10000, "发现的问题", required: false);
        var persons = errors.Text("personsNamed", input.PersonsNamed, 1000, "涉及人员", required: false);
        var inspectors = errors.Text("inspectors", input.Inspectors, 200, "检查人员", required: true);
        errors.ThrowIfAny();
        i.InspectedOn = on;
        i.DepartmentId = department;
        i.Place = place!;
        i.Method = method!;
        i.Findings = findings!;
        i.Problems = problems;
        i.PersonsNamed = persons;
        i.Inspectors = inspectors!;
    }
}

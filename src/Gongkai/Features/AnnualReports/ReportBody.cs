using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Organisation;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// A reporting body (报告主体): one department, street or town, or the district government (<c>gov</c>),
/// whose report counts the records of the units of kind 区人民政府 and, when the office chooses, all units.
/// </summary>
/// <param name="Code">The department's code, or <c>gov</c>.</param>
/// <param name="Name">The name that signs the report.</param>
/// <param name="DepartmentId">The unit the report is published under (for <c>gov</c>: the first government unit).</param>
/// <param name="OwnUnits">The units whose records are the body's own.</param>
/// <param name="IsGovernment">
/// A people's government: the district government and a 乡镇人民政府, whose deadline is 3月31日
/// (第四十九条); departments and streets (派出机关) report by 1月31日.
/// </param>
public sealed record ReportBody(string Code, string Name, int DepartmentId, IReadOnlyList<int> OwnUnits, bool IsGovernment, OrgUnitKind Kind)
{
    public bool IsDistrictGovernment => Code == AnnualReportContent.GovernmentBody;

    public DateOnly Deadline(int year) => ReportFormats.Deadline(year, IsGovernment);

    /// <summary>
    /// Checks the year (2008, the first year of the 2007 条例, up to this year) and finds the body;
    /// an unknown body or a year outside that range is a 404, as there is no such report.
    /// </summary>
    public static async Task<ReportBody> ResolveAsync(GongkaiDbContext db, TimeProvider clock, int year, string? body, CancellationToken ct)
    {
        var thisYear = ChinaTime.Today(clock).Year;
        if (year < ReportFormats.FirstYear || year > thisYear)
            throw new NotFoundException($"没有{year}年度的政府信息公开工作年度报告：年度应在{ReportFormats.FirstYear}年至{thisYear}年之间。");
        var code = (body ?? "").Trim().ToLowerInvariant();
        if (code.Length == 0)
            throw new InputException(new() { ["body"] = ["请指定报告主体：机构代码，或 gov（区人民政府）"] });
        if (code == AnnualReportContent.GovernmentBody)
        {
            var units = await db.Departments.AsNoTracking().Where(d => d.Kind == OrgUnitKind.Government)
                .OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
            if (units.Count == 0) throw new NotFoundException("尚未设置区人民政府机构，无法生成区人民政府的年度报告。");
            return new ReportBody(code, units[0].Name, units[0].Id, [.. units.Select(u => u.Id)], true, OrgUnitKind.Government);
        }
        if (code.Length > 32) throw new NotFoundException("没有该机构。");
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new { d.Id, d.Name, d.Kind }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"没有代码为“{code}”的机构。");
        return new ReportBody(code, department.Name, department.Id, [department.Id],
            department.Kind is OrgUnitKind.Government or OrgUnitKind.Town, department.Kind);
    }

    /// <summary>Every body that reports: the district government, then each active unit.</summary>
    public static async Task<List<(string Code, string Name, bool IsGovernment, int DepartmentId)>> AllAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var units = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.Name, d.Kind }).ToListAsync(ct);
        var list = new List<(string, string, bool, int)>();
        var government = units.FirstOrDefault(u => u.Kind == OrgUnitKind.Government);
        if (government is not null) list.Add((AnnualReportContent.GovernmentBody, government.Name, true, government.Id));
        foreach (var u in units.Where(u => u.Kind != OrgUnitKind.Government))
            list.Add((u.Code, u.Name, u.Kind == OrgUnitKind.Town, u.Id));
        return list;
    }
}

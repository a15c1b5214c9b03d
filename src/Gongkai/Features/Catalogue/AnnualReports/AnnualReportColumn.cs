using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.AnnualReports;

/// <summary>
/// The 年报 column of the portal: the published items of the catalogue's annual-report column
/// (政府信息公开工作年度报告, code "nb", 《条例》第四十九条) or of a column the office adds under it.
/// This is the column's one query: the reports issue 5 generates are published into that column and
/// appear here without a change.
/// </summary>
public static class AnnualReportColumn
{
    /// <summary>The seeded column (CatalogueSeeder); the code is stable, the office may rename it.</summary>
    public const string CategoryCode = "nb";
    public const string Path = "/annual-reports";
    public const int PageSize = 20;

    public sealed record Report(long Id, string Title, int Year, string DepartmentName, DateOnly? PublishedOn);
    public sealed record Body(string Code, string Name);
    public sealed record Listing(List<Report> Reports, int Total, int Page, int PageCount, List<int> Years, List<Body> Bodies);

    /// <summary>
    /// The year a report covers: the one before the year it is written in (第四十九条: each year's report is
    /// on 上一年度, due by 1月31日 or 3月31日). The item has no field of its own for it.
    /// </summary>
    public static int YearOf(DateOnly writtenOn) => writtenOn.Year - 1;

    public static string Url(string? department = null, int? year = null, int page = 1)
    {
        var query = new List<string>();
        if (year is not null) query.Add($"year={year}");
        if (!string.IsNullOrEmpty(department)) query.Add("department=" + Uri.EscapeDataString(department));
        if (page > 1) query.Add($"p={page}");
        return query.Count == 0 ? Path : Path + "?" + string.Join('&', query);
    }

    /// <summary>One page of reports, newest year first and within a year the government before its departments, streets and towns.</summary>
    public static async Task<Listing> ListAsync(GongkaiDbContext db, int? year, string? department, int page, CancellationToken ct)
    {
        var columns = await db.Categories.AsNoTracking()
            .Where(c => c.Code == CategoryCode || db.Categories.Any(p => p.Id == c.ParentId && p.Code == CategoryCode))
            .Select(c => c.Id).ToListAsync(ct);
        var reports = from i in db.Items.AsNoTracking()
                      where i.State == ItemState.Published && columns.Contains(i.CategoryId)
                      join d in db.Departments on i.DepartmentId equals d.Id
                      select new { Item = i, d.Code, d.Name, d.Kind, d.SortOrder };

        var writtenYears = await reports.Select(x => x.Item.WrittenOn.Year).Distinct().ToListAsync(ct);
        var bodies = await reports.Select(x => new { x.Code, x.Name, x.Kind, x.SortOrder }).Distinct().ToListAsync(ct);

        if (year is { } y and >= 2000 and <= 2100)
        {
            var from = new DateOnly(y + 1, 1, 1);
            var to = new DateOnly(y + 1, 12, 31);
            reports = reports.Where(x => x.Item.WrittenOn >= from && x.Item.WrittenOn <= to);
        }
        if (!string.IsNullOrWhiteSpace(department))
        {
            var code = department.Trim().ToLowerInvariant();
            reports = reports.Where(x => x.Code == code);
        }
        var total = await reports.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await reports
            .OrderByDescending(x => x.Item.WrittenOn.Year).ThenBy(x => x.Kind).ThenBy(x => x.SortOrder)
            .ThenByDescending(x => x.Item.PublishedOn).ThenByDescending(x => x.Item.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new { x.Item.Id, x.Item.Title, x.Item.WrittenOn, x.Name, x.Item.PublishedOn })
            .ToListAsync(ct);

        return new Listing(
            rows.Select(r => new Report(r.Id, r.Title, YearOf(r.WrittenOn), r.Name, r.PublishedOn)).ToList(),
            total, page, pageCount,
            writtenYears.Select(w => w - 1).OrderDescending().ToList(),
            bodies.OrderBy(b => b.Kind).ThenBy(b => b.SortOrder).ThenBy(b => b.Code, StringComparer.Ordinal)
                .Select(b => new Body(b.Code, b.Name)).ToList());
    }
}

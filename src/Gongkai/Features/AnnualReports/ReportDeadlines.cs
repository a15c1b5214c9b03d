using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Catalogue.AnnualReports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// Which bodies have published their report on a year, and by when they must (第四十九条: departments by
/// 1月31日, people's governments by 3月31日). A report counts as published when Gongkai published it, or when
/// the body put a report into the 年报 column itself (written in the following year, as the column assumes).
/// </summary>
public static class ReportDeadlines
{
    public sealed record BodyStatus(string Code, string Name, int DepartmentId, bool IsGovernment, DateOnly Deadline,
        AnnualReportStatus Status, DateOnly? PublishedOn, long? ItemId)
    {
        public bool Published => PublishedOn is not null;
        public bool IsLate(DateOnly today) => !Published && today > Deadline;
        public bool IsDueWithin(DateOnly today, int days) => !Published && today <= Deadline && Deadline.DayNumber - today.DayNumber <= days;
    }

    public static async Task<List<BodyStatus>> ForYearAsync(GongkaiDbContext db, int year, CancellationToken ct)
    {
        var bodies = await ReportBody.AllAsync(db, ct);
        var records = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year)
            .Select(r => new { r.Body, r.Status, r.PublishedAt, r.PublishedItemId }).ToListAsync(ct);
        var columns = await db.Categories.AsNoTracking()
            .Where(c => c.Code == AnnualReportColumn.CategoryCode || db.Categories.Any(p => p.Id == c.ParentId && p.Code == AnnualReportColumn.CategoryCode))
            .Select(c => c.Id).ToListAsync(ct);
        var from = new DateOnly(year + 1, 1, 1);
        var to = new DateOnly(year + 1, 12, 31);
        var items = await db.Items.AsNoTracking()
            .Where(i => i.State == ItemState.Published && columns.Contains(i.CategoryId) && i.WrittenOn >= from && i.WrittenOn <= to)
            .GroupBy(i => i.DepartmentId).Select(g => new { g.Key, On = g.Min(i => i.PublishedOn), Id = g.Min(i => i.Id) }).ToListAsync(ct);

        return [.. bodies.Select(b =>
        {
            var record = records.FirstOrDefault(r => r.Body == b.Code);
            var item = items.FirstOrDefault(i => i.Key == b.DepartmentId);
            DateOnly? publishedOn = record?.PublishedAt is { } at ? Hosting.ChinaTime.DateOf(at) : item?.On;
            return new BodyStatus(b.Code, b.Name, b.DepartmentId, b.IsGovernment, ReportFormats.Deadline(year, b.IsGovernment),
                record?.Status ?? AnnualReportStatus.Draft, publishedOn, record?.PublishedItemId ?? item?.Id);
        })];
    }
}

using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// Counts tables 二, 三 and 四 of a year's report in the database: a handful of GROUP BY queries over the
/// indexed dates, never one row per application or item in memory (a district has a million items).
/// The definitions are in docs/annual-reports.md.
/// </summary>
/// <param name="Units">The units whose records count; null counts every unit (the government with its departments).</param>
internal sealed class ReportComputation(GongkaiDbContext db, int year, IReadOnlyList<int>? units)
{
    public const string CatalogueSource = "政府信息公开目录（系统自动统计）";

    private readonly DateOnly _jan1 = new(year, 1, 1);
    private readonly DateOnly _dec31 = new(year, 12, 31);

    public ReportFormat Format { get; } = ReportFormats.ForYear(year);

    private IQueryable<InformationApplication> Applications()
    {
        var q = db.Applications.AsNoTracking();
        if (units is not null) q = q.Where(a => units.Contains(a.DepartmentId));
        return q;
    }

    private IQueryable<DisclosureItem> PublishedItems()
    {
        var q = db.Items.AsNoTracking().Where(i => i.State == ItemState.Published);
        if (units is not null) q = q.Where(i => units.Contains(i.DepartmentId));
        return q;
    }

    /// <summary>
    /// Table 三. An application is concluded on <see cref="InformationApplication.FinishedOn"/>, the day of its
    /// reply or of its closing (逾期不补正、逾期不缴费), and every concluded application has an outcome. Returned to
    /// the office or transferred, it is still open. It counts under the unit handling it now.
    /// </summary>
    public async Task<ApplicationTable> ApplicationsAsync(CancellationToken ct)
    {
        var counts = new Dictionary<(string Row, int Column), long>();
        void Add(string row, ApplicantType type, long n)
        {
            var key = (row, (int)type);
            counts[key] = counts.GetValueOrDefault(key) + n;
        }
        var jan1 = _jan1;
        var dec31 = _dec31;

        // 一、本年新收: received in the year.
        foreach (var g in await Applications().Where(a => a.ReceivedOn >= jan1 && a.ReceivedOn <= dec31)
                     .GroupBy(a => a.ApplicantType).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            Add(ApplicationTableLayout.New, g.Key, g.N);

        // 二、上年结转: received before 1 January and not concluded before it.
        foreach (var g in await Applications().Where(a => a.ReceivedOn < jan1 && (a.FinishedOn == null || a.FinishedOn >= jan1))
                     .GroupBy(a => a.ApplicantType).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            Add(ApplicationTableLayout.CarriedIn, g.Key, g.N);

        // 三、本年度办理结果: concluded in the year, by outcome. A concluded application without an outcome
        // cannot arise (the reply and the closing both set one); were one imported so, it counts as 其他 so
        // that 一 + 二 = （七） + 四 still holds.
        foreach (var g in await Applications().Where(a => a.FinishedOn >= jan1 && a.FinishedOn <= dec31)
                     .GroupBy(a => new { a.ApplicantType, a.Outcome }).Select(g => new { g.Key.ApplicantType, g.Key.Outcome, N = g.LongCount() })
                     .ToListAsync(ct))
            Add(ApplicationTableLayout.RowFor(g.Outcome ?? ReplyOutcome.OtherOther, Format), g.ApplicantType, g.N);

        // 四、结转下年度继续办理: received by 31 December and not concluded by then.
        foreach (var g in await Applications().Where(a => a.ReceivedOn <= dec31 && (a.FinishedOn == null || a.FinishedOn > dec31))
                     .GroupBy(a => a.ApplicantType).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            Add(ApplicationTableLayout.CarriedOut, g.Key, g.N);

        return ApplicationTable.FromCounts(Format, (row, column) => counts.GetValueOrDefault((row, column)));
    }

    /// <summary>Table 四: cases filed in the year, with their result as it stood on 31 December (decided later: 尚未审结).</summary>
    public async Task<ReviewLitigationTable> ReviewLitigationAsync(CancellationToken ct)
    {
        var jan1 = _jan1;
        var dec31 = _dec31;
        var q = db.RemedyCases.AsNoTracking().Where(c => c.FiledOn >= jan1 && c.FiledOn <= dec31);
        if (units is not null) q = q.Where(c => units.Contains(c.DepartmentId));
        var rows = await q.GroupBy(c => new { c.Kind, c.Result, Later = c.DecidedOn == null || c.DecidedOn > dec31 })
            .Select(g => new { g.Key.Kind, g.Key.Result, g.Key.Later, N = g.LongCount() }).ToListAsync(ct);
        return ReviewLitigationTable.FromCounts((kind, result) => rows
            .Where(r => r.Kind == kind && (r.Later || r.Result == RemedyResult.Pending ? RemedyResult.Pending : r.Result) == result)
            .Sum(r => r.N));
    }

    /// <summary>
    /// The catalogue's cells of table 二 (第二十条第（一）项), from published items of kind 规章 and 行政规范性文件.
    /// 2021 format: 本年制发 = written in the year; 本年废止 = declared repealed or expired in the year;
    /// 现行有效 = written by 31 December and not repealed or expired by then. 2019 format: 本年新制作 = written
    /// in the year; 本年新公开 = published in the year; 对外公开总数量 = published by 31 December.
    /// The 2008-era report counts every item published in the year.
    /// </summary>
    public async Task FillCatalogueFiguresAsync(ProactiveTable table, CancellationToken ct)
    {
        var jan1 = _jan1;
        var dec31 = _dec31;
        if (Format == ReportFormat.Narrative2008)
        {
            table["items.published"] = await PublishedItems().LongCountAsync(i => i.PublishedOn >= jan1 && i.PublishedOn <= dec31, ct);
            table.SetSource("items.published", CatalogueSource);
            return;
        }
        var rows = await PublishedItems().Where(i => i.Kind == DocumentKind.Rule || i.Kind == DocumentKind.NormativeDocument)
            .GroupBy(i => i.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Written = g.Sum(i => i.WrittenOn >= jan1 && i.WrittenOn <= dec31 ? 1 : 0),
                Ended = g.Sum(i => i.Validity != Validity.Valid && i.ValidityChangedOn >= jan1 && i.ValidityChangedOn <= dec31 ? 1 : 0),
                InForce = g.Sum(i => i.WrittenOn <= dec31 && !(i.Validity != Validity.Valid && i.ValidityChangedOn <= dec31) ? 1 : 0),
                Published = g.Sum(i => i.PublishedOn >= jan1 && i.PublishedOn <= dec31 ? 1 : 0),
                PublishedTotal = g.Sum(i => i.PublishedOn <= dec31 ? 1 : 0),
            })
            .ToListAsync(ct);
        foreach (var (kind, prefix) in new[] { (DocumentKind.Rule, "rules"), (DocumentKind.NormativeDocument, "normative") })
        {
            var r = rows.FirstOrDefault(x => x.Kind == kind);
            var cells = Format == ReportFormat.Format2021
                ? new (string Key, long Value)[] { ("issued", r?.Written ?? 0), ("repealed", r?.Ended ?? 0), ("in-force", r?.InForce ?? 0) }
                : [("made", r?.Written ?? 0), ("published", r?.Published ?? 0), ("total", r?.PublishedTotal ?? 0)];
            foreach (var (key, value) in cells)
            {
                table[$"{prefix}.{key}"] = value;
                table.SetSource($"{prefix}.{key}", CatalogueSource);
            }
        }
    }

    /// <summary>Facts the drafted sections state.</summary>
    public async Task<ReportFacts> FactsAsync(ApplicationTable applications, CancellationToken ct)
    {
        var jan1 = _jan1;
        var dec31 = _dec31;
        var byCategory = await PublishedItems().Where(i => i.PublishedOn >= jan1 && i.PublishedOn <= dec31)
            .GroupBy(i => i.CategoryId).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
        var ids = byCategory.Select(c => c.Key).ToList();
        var names = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var overdue = await Applications().LongCountAsync(a => a.FinishedOn >= jan1 && a.FinishedOn <= dec31 && a.DueOn != null && a.FinishedOn > a.DueOn, ct);
        var openOverdue = await Applications().LongCountAsync(a => a.ReceivedOn <= dec31 && (a.FinishedOn == null || a.FinishedOn > dec31) && a.DueOn != null && a.DueOn < dec31, ct);

        var fees = db.ApplicationEvents.AsNoTracking().Where(e => e.Kind == ApplicationEventKind.FeePaid && e.On >= jan1 && e.On <= dec31);
        if (units is not null) fees = fees.Where(e => Applications().Any(a => a.Id == e.ApplicationId));
        var fee = await fees.GroupBy(_ => 1).Select(g => new { N = g.LongCount(), Sum = g.Sum(e => (long?)e.Amount) ?? 0 }).FirstOrDefaultAsync(ct);

        decimal Cell(string row) => applications[row, ApplicationTable.TotalColumn] ?? 0;
        return new ReportFacts(
            [.. byCategory.OrderByDescending(c => c.N).Select(c => (names.GetValueOrDefault(c.Key) ?? "其他", c.N))],
            (long)Cell(ApplicationTableLayout.New), (long)Cell(ApplicationTableLayout.CarriedIn),
            (long)Cell(ApplicationTableLayout.Total), (long)Cell(ApplicationTableLayout.CarriedOut),
            overdue, openOverdue, fee?.N ?? 0, fee?.Sum ?? 0);
    }
}

/// <summary>What Gongkai knows of a year, for the drafted sections.</summary>
public sealed record ReportFacts(
    IReadOnlyList<(string Category, long Count)> ItemsByCategory,
    long Received, long CarriedIn, long Concluded, long CarriedOut,
    long ConcludedLate, long OpenOverdue, long FeesPaid, long FeeAmount)
{
    public long ItemsPublished => ItemsByCategory.Sum(c => c.Count);
}

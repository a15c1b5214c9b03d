using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.AnnualReports;

/// <summary>A body's report on a year as it stands: the live computation of a draft, or the frozen published one.</summary>
public sealed record ReportState(ReportBody Body, AnnualReport? Record, AnnualReportContent Content)
{
    public bool IsPublished => Record?.Status == AnnualReportStatus.Published;
    public bool IncludeDepartments => Record?.IncludeDepartments ?? true;
}

/// <summary>
/// The annual report (政府信息公开工作年度报告, 《条例》第四十九条、第五十条) of a body and year: tables 二, 三
/// and 四 counted from Gongkai's records, the figures staff entered, and the sections' texts (saved, or drafted
/// from the records). Every output (API, HTML, DOCX, PDF, XLSX) is written from <see cref="GetAsync"/>.
/// </summary>
public sealed class AnnualReportService(GongkaiDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The report of <paramref name="body"/> (a department's code, or <c>gov</c>) on <paramref name="year"/>:
    /// a published report's frozen snapshot, otherwise the live computation. Throws
    /// <see cref="Hosting.NotFoundException"/> (404, Chinese) for an unknown body or a year outside 2008..this year.
    /// </summary>
    public async Task<AnnualReportContent> GetAsync(int year, string body, CancellationToken ct) =>
        (await ReadAsync(year, body, ct)).Content;

    public async Task<ReportState> ReadAsync(int year, string? body, CancellationToken ct)
    {
        var target = await ReportBody.ResolveAsync(db, clock, year, body, ct);
        var record = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Year == year && r.Body == target.Code, ct);
        if (record is { Status: AnnualReportStatus.Published, Snapshot: { } snapshot })
            return new ReportState(target, record, ReportSnapshot.Read(snapshot));
        return new ReportState(target, record, await ComputeAsync(target, year, record?.IncludeDepartments ?? true, ct));
    }

    /// <summary>
    /// The live report: counted tables, entered figures, saved texts or drafts (<paramref name="drafts"/> false
    /// leaves unsaved sections empty, for overviews that only need the checks).
    /// </summary>
    public async Task<AnnualReportContent> ComputeAsync(ReportBody body, int year, bool includeDepartments, CancellationToken ct, bool drafts = true)
    {
        IReadOnlyList<int>? units = body.IsDistrictGovernment && includeDepartments ? null : body.OwnUnits;
        var computation = new ReportComputation(db, year, units);
        var format = computation.Format;

        var applications = await computation.ApplicationsAsync(ct);
        var review = await computation.ReviewLitigationAsync(ct);
        var proactive = new ProactiveTable(format);
        await computation.FillCatalogueFiguresAsync(proactive, ct);
        var figures = await db.ReportFigures.AsNoTracking().Where(f => f.Year == year && f.Body == body.Code).ToListAsync(ct);
        foreach (var f in figures.Where(f => proactive.Keys.Contains(f.Key) && !ProactiveTable.IsComputed(f.Key)))
        {
            proactive[f.Key] = f.Value;
            proactive.SetSource(f.Key, f.Source);
        }

        var texts = await db.ReportSectionTexts.AsNoTracking().Where(s => s.Year == year && s.Body == body.Code)
            .ToDictionaryAsync(s => s.Key, s => s.Text, ct);
        ReportFacts? facts = null;
        if (drafts && ReportSections.Keys(format).Any(k => !texts.ContainsKey(k)))
            facts = await computation.FactsAsync(applications, ct);
        var sections = ReportSections.Build(format, key => texts.TryGetValue(key, out var t) ? t
            : facts is null ? "" : SectionDrafts.For(key, format, year, facts));

        return new AnnualReportContent(year, body.Code, body.Name, format, sections, proactive, applications, review);
    }
}

using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.AnnualReports.Admin;

/// <summary>What the dashboard's 年度报告 panel shows for the report due this year (on last year).</summary>
public sealed record AnnualReportsPanel(int Year, bool District, IReadOnlyList<ReportDeadlines.BodyStatus> Late,
    IReadOnlyList<ReportDeadlines.BodyStatus> DueSoon, int Published, int Total, DateOnly Today);

/// <summary>
/// The dashboard's 年度报告 panel: bodies that have not published last year's report by their deadline
/// (第四十九条), and those due within 30 days. The office and supervisors see the district; a department its own.
/// </summary>
public sealed class AnnualReportsPanelViewComponent(GongkaiDbContext db, DepartmentScope scope, TimeProvider clock) : ViewComponent
{
    public const int DueSoonDays = 30;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!scope.IsStaff || (!scope.ReadsAll && scope.DepartmentId is null)) return Content("");
        var today = ChinaTime.Today(clock);
        var year = today.Year - 1;
        var all = await ReportDeadlines.ForYearAsync(db, year, HttpContext.RequestAborted);
        var mine = scope.ReadsAll ? all : all.Where(s => s.Code != Domain.AnnualReports.AnnualReportContent.GovernmentBody && scope.CanRead(s.DepartmentId)).ToList();
        return View("/Features/AnnualReports/Admin/_AnnualReportsPanel.cshtml", new AnnualReportsPanel(year, scope.ReadsAll,
            [.. mine.Where(s => s.IsLate(today))], [.. mine.Where(s => s.IsDueWithin(today, DueSoonDays))],
            mine.Count(s => s.Published), mine.Count, today));
    }
}

using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.AnnualReports.Admin;

/// <summary>
/// The annual reports of one year, body by body: published or not, the deadline (第四十九条) and whether the
/// cross-checks pass. The office and supervisors see every body; a department's staff their own.
/// </summary>
public sealed class ReportsModel(GongkaiDbContext db, AnnualReportService reports, DepartmentScope scope, TimeProvider clock) : PageModel
{
    public sealed record Row(ReportDeadlines.BodyStatus Status, int? FailedChecks, bool CanEdit);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int SelectedYear { get; private set; }
    public int ThisYear { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        ThisYear = Today.Year;
        // The report due this year is on last year (第四十九条).
        SelectedYear = Year is { } y && y >= ReportFormats.FirstYear && y <= ThisYear ? y : ThisYear - 1;
        foreach (var status in await ReportDeadlines.ForYearAsync(db, SelectedYear, ct))
        {
            var body = await ReportBody.ResolveAsync(db, clock, SelectedYear, status.Code, ct);
            if (!(scope.ReadsAll || scope.CanRead(status.DepartmentId) && !body.IsDistrictGovernment)) continue;
            int? failed = null;
            if (status.Status == AnnualReportStatus.Draft)
            {
                var state = await reports.ReadAsync(SelectedYear, status.Code, ct);
                failed = state.Content.Checks().Count(c => !c.Passed);
            }
            Rows.Add(new Row(status, failed, AnnualReportEditing.CanEdit(scope, body)));
        }
        return Page();
    }
}

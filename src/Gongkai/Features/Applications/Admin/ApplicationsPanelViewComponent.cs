using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Gongkai.Features.Calendar;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications.Admin;

/// <summary>What the dashboard's 依申请公开 panel shows.</summary>
/// <param name="District">True for the office and supervisors (all departments), false for a department's staff.</param>
/// <param name="DueSoonUntil">The last day of "due within 5 working days".</param>
public sealed record ApplicationsPanel(
    bool District, int Overdue, IReadOnlyList<ApplicationsPanel.Row> OverdueRows, int DueSoon, IReadOnlyList<ApplicationsPanel.Row> DueSoonRows,
    DateOnly DueSoonUntil, DateOnly Today)
{
    public sealed record Row(long Id, string TrackingCode, string Department, string Description, DateOnly DueOn);
}

/// <summary>
/// The staff dashboard's 依申请公开 panel: overdue applications at the top for the office (its
/// duty is to see that every department answers in time), and for a department its own overdue
/// applications and those due within 5 working days (the first reminder's horizon).
/// </summary>
public sealed class ApplicationsPanelViewComponent(GongkaiDbContext db, DepartmentScope scope, CalendarService calendars, TimeProvider clock)
    : ViewComponent
{
    public const int DueSoonWorkingDays = 5;
    private const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!scope.IsStaff || (!scope.ReadsAll && scope.DepartmentId is null)) return Content("");
        var today = ChinaTime.Today(clock);
        var until = (await calendars.GetAsync(ct)).AddWorkingDays(today, DueSoonWorkingDays).Due;
        var open = scope.Visible(db.Applications.AsNoTracking())
            .Where(a => a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed);
        var overdue = open.Where(a => a.DueOn < today);
        var dueSoon = open.Where(a => a.DueOn >= today && a.DueOn <= until);
        var district = scope.ReadsAll;
        var panel = new ApplicationsPanel(
            district,
            await overdue.CountAsync(ct),
            await RowsAsync(overdue, ct),
            await dueSoon.CountAsync(ct),
            // The office sees the district's count; the list is each department's own business.
            district ? [] : await RowsAsync(dueSoon, ct),
            until,
            today);
        return View("/Features/Applications/Admin/_ApplicationsPanel.cshtml", panel);
    }

    private async Task<IReadOnlyList<ApplicationsPanel.Row>> RowsAsync(IQueryable<InformationApplication> query, CancellationToken ct)
    {
        var rows = await query.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(Shown)
            .Join(db.Departments, a => a.DepartmentId, d => d.Id, (a, d) => new { a.Id, a.TrackingCode, d.Name, a.Description, a.DueOn })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ApplicationsPanel.Row(r.Id, r.TrackingCode, r.Name,
            r.Description.Length > 40 ? r.Description[..40] + "…" : r.Description, r.DueOn!.Value))];
    }
}

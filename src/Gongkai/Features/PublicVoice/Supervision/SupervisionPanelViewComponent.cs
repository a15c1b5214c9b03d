using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Calendar;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Supervision;

/// <summary>What the dashboard's 督办 panel shows.</summary>
/// <param name="Scope">全区, 效能投诉 or the department's name.</param>
public sealed record SupervisionPanel(string Scope, int Overdue, IReadOnlyList<SupervisionPanel.Row> OverdueRows, int NearDue,
    IReadOnlyList<SupervisionPanel.Row> NearDueRows, DateOnly Today)
{
    public sealed record Row(long Id, string TrackingCode, string Kind, string Title, string? Department, DateOnly DueOn, bool Escalated);
}

/// <summary>
/// The staff dashboard's 督办 panel: overdue and near-due cases in the user's scope (the office: the
/// district's opinions and suggestions; a department: those it leads; the supervision staff:
/// complaints), from <see cref="CaseActor"/>. Near due: within the kind's
/// <see cref="CaseKindSetting.NearDueWorkingDays"/> (default 2).
/// </summary>
public sealed class SupervisionPanelViewComponent(GongkaiDbContext db, CalendarService calendars, TimeProvider clock) : ViewComponent
{
    private const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var actor = CaseActor.For(HttpContext.User);
        var kinds = Enum.GetValues<CaseKind>().Where(actor.SeesKind).ToList();
        if (kinds.Count == 0) return Content("");
        var today = ChinaTime.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        var near = await CaseSupervisionService.NearDueDaysAsync(db, ct);
        var all = kinds.Where(actor.ReadsAllOf).ToList();
        var own = kinds.Where(k => !actor.ReadsAllOf(k)).ToList();
        var dept = actor.DepartmentId;
        // A department answers for the cases it leads; co-handling does not make their deadline its own.
        var pending = db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Answered && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Merged)
            .Where(c => all.Contains(c.Kind) || (dept != null && own.Contains(c.Kind) && c.DepartmentId == dept));

        var overdue = pending.Where(c => c.DueOn < today);
        var overdueCount = await overdue.CountAsync(ct);
        var overdueRows = await RowsAsync(overdue, ct);
        var nearCount = 0;
        var nearRows = new List<SupervisionPanel.Row>();
        foreach (var kind in kinds)
        {
            var until = calendar.AddWorkingDays(today, near.GetValueOrDefault(kind, CaseSupervisionService.DefaultNearDueWorkingDays)).Due;
            var soon = pending.Where(c => c.Kind == kind && c.DueOn >= today && c.DueOn <= until);
            nearCount += await soon.CountAsync(ct);
            nearRows.AddRange(await RowsAsync(soon, ct));
        }
        var scope = own.Count == 0 ? (all.SequenceEqual([CaseKind.Complaint]) ? "效能投诉" : "全区")
            : await db.Departments.Where(d => d.Id == dept).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "本部门";
        var panel = new SupervisionPanel(scope, overdueCount, overdueRows, nearCount,
            [.. nearRows.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(Shown)], today);
        return View("/Features/PublicVoice/Supervision/_SupervisionPanel.cshtml", panel);
    }

    private async Task<List<SupervisionPanel.Row>> RowsAsync(IQueryable<VoiceCase> query, CancellationToken ct)
    {
        var rows = await query.OrderByDescending(c => c.Escalated).ThenBy(c => c.DueOn).ThenBy(c => c.Id).Take(Shown)
            .Select(c => new
            {
                c.Id, c.TrackingCode, c.Kind, c.Title, c.DueOn, c.Escalated,
                Department = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new SupervisionPanel.Row(r.Id, r.TrackingCode, r.Kind.ToChinese(),
            r.Title.Length > 40 ? r.Title[..40] + "…" : r.Title, r.Department, r.DueOn, r.Escalated))];
    }
}

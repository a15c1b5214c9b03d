using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Features.Calendar;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Portal.Admin;

public sealed class DashboardModel(GongkaiDbContext db, UserManager<StaffUser> users, DepartmentScope scope, CalendarService calendars, TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Roles { get; private set; } = "";
    public string? Department { get; private set; }
    public int Departments { get; private set; }
    public int Users { get; private set; }
    public long AuditEntries { get; private set; }
    public string CalendarYears { get; private set; } = "";
    public int NextYear { get; private set; }
    public bool NextYearMissing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName ?? User.Identity?.Name ?? "";
        Roles = string.Join("、", StaffRoles.All.Where(User.IsInRole).Select(StaffRoles.ToChinese));
        Department = user?.DepartmentId is { } id ? await db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        Departments = await db.Departments.CountAsync(d => d.IsActive, ct);
        Users = await scope.Visible(db.Users).CountAsync(ct);
        AuditEntries = scope.ReadsAll ? await db.AuditEntries.LongCountAsync(ct) : 0;
        var calendar = await calendars.GetAsync(ct);
        var years = calendar.AnnouncedYears;
        CalendarYears = years.Count == 0 ? "无" : $"{years.Min()}—{years.Max()} 年";
        NextYear = clock.GetUtcNow().AddHours(8).Year + 1;
        NextYearMissing = !calendar.IsAnnounced(NextYear);
    }
}

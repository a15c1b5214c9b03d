using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Catalogue.Admin;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications.Admin;

/// <summary>
/// /admin/applications: the staff inbox. Open applications first, the overdue at the top, then by
/// due date (<see cref="ApplicationQueries.InboxAsync"/>); department staff see their department's,
/// the office and supervisors all, with a department filter.
/// </summary>
public sealed class InboxModel(GongkaiDbContext db, DepartmentScope scope, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ApplicationOptions> options) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Counts over everything the caller may see, whatever the filter.</summary>
    public sealed record Counts(int Open, int Overdue, int Received, int Returned, int Paused);

    /// <summary>open (the default), all, or a status code.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    // "page" is a route value of every Razor page: the query uses "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public InboxPage Result { get; private set; } = new([], 0, 1, PageSize);
    public Counts Totals { get; private set; } = new(0, 0, 0, 0, 0);
    public List<Choice> Departments { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    /// <summary>第四十四条: information several applicants asked for, proposed for proactive disclosure.</summary>
    public ProactiveProposal[] Proposals { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool ChoosesDepartment => scope.ReadsAll;
    /// <summary>Supervisors only read.</summary>
    public bool CanRegister => scope.WritesAll || (scope.IsStaff && !scope.ReadsAll && scope.DepartmentId is not null);
    public bool Filtered => Status is not "open" || Overdue || !string.IsNullOrWhiteSpace(Department);

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        [("open", "未办结"), ("all", "全部"), .. Enum.GetValues<ApplicationStatus>().Select(s => (s.Code(), s.ToChinese()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = string.IsNullOrWhiteSpace(Status) ? "open" : Status.Trim();
        if (Statuses.All(s => s.Value != Status))
        {
            Errors.Add("status", "请从列表中选择状态");
            Status = "open";
        }
        if (ChoosesDepartment) Departments = await ItemChoices.DepartmentsAsync(db, ct);
        else Department = null;
        if (!string.IsNullOrWhiteSpace(Department) && Departments.All(d => !string.Equals(d.Value, Department.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            Errors.Add("department", "请从列表中选择承办部门");
            Department = null;
        }
        PageNumber = Math.Max(1, PageNumber);
        var filter = new InboxFilter(Status == "all" ? null : Status, Department, Overdue ? true : null, PageNumber, PageSize);
        Result = await ApplicationQueries.InboxAsync(db, scope, filter, Today, ct);
        if (Result.Items.Length == 0 && Result.Total > 0)
        {
            // Past the last page (the list shrank, or a hand-made address): show the last one.
            PageNumber = Pages;
            Result = await ApplicationQueries.InboxAsync(db, scope, filter with { Page = PageNumber }, Today, ct);
        }
        Totals = await CountAsync(ct);
        Proposals = await ApplicationQueries.ProposalsAsync(db, scope, Today.AddMonths(-options.Value.ProposalMonths), options.Value.ProposalMinApplicants, ct);
    }

    private async Task<Counts> CountAsync(CancellationToken ct)
    {
        var visible = scope.Visible(db.Applications.AsNoTracking());
        var today = Today;
        var byStatus = await visible.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var open = visible.Where(a => a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed);
        int Of(ApplicationStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new Counts(
            byStatus.Where(x => x.Key.IsOpen()).Sum(x => x.Count),
            await open.CountAsync(a => a.DueOn < today, ct),
            Of(ApplicationStatus.Received),
            Of(ApplicationStatus.ReturnedToOffice),
            await open.CountAsync(a => a.DueOn == null, ct));
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var query = new List<string> { "status=" + Uri.EscapeDataString(Status ?? "open") };
        if (!string.IsNullOrWhiteSpace(Department)) query.Add("department=" + Uri.EscapeDataString(Department));
        if (Overdue) query.Add("overdue=true");
        query.Add($"p={page}");
        return "/admin/applications?" + string.Join('&', query);
    }
}

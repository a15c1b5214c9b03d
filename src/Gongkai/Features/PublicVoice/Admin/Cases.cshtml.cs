using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Catalogue.Admin;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Admin;

/// <summary>
/// /admin/cases: the cases the caller may see (<see cref="CaseActor"/> through
/// <see cref="CaseQueries.ListAsync"/>): escalated first, then open ones by due date, overdue marked.
/// </summary>
public sealed class CasesModel(GongkaiDbContext db, CaseQueries queries) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is a route value of every Razor page: the query uses "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public CasePage Result { get; private set; } = new(0, 1, PageSize, []);
    public List<Choice> Departments { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public CaseActor Actor => CaseActor.For(User);
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Kind) || Status is not (null or "" or "open") || Overdue || !string.IsNullOrWhiteSpace(Department) || !string.IsNullOrWhiteSpace(Q);
    /// <summary>The office registers letters, visits and calls; the supervision staff complaints.</summary>
    public bool CanRegister => Actor.IsOffice || Actor.IsInspector;

    public IReadOnlyList<(string Value, string Text)> Kinds =>
        [.. Enum.GetValues<CaseKind>().Where(Actor.SeesKind).Select(k => (k.Code(), k.ToChinese()))];

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        [("open", "未办结"), ("pending", "未答复"), ("all", "全部"), .. Enum.GetValues<CaseStatus>().Select(s => (s.Code(), s.ToChinese()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = string.IsNullOrWhiteSpace(Status) ? "open" : Status.Trim();
        if (Statuses.All(s => s.Value != Status)) { Errors.Add("status", "请从列表中选择状态"); Status = "open"; }
        if (!string.IsNullOrWhiteSpace(Kind) && Kinds.All(k => k.Value != Kind.Trim())) { Errors.Add("kind", "请从列表中选择事项类型"); Kind = null; }
        Departments = await ItemChoices.DepartmentsAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(Department) && Departments.All(d => !string.Equals(d.Value, Department.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            Errors.Add("department", "请从列表中选择承办部门");
            Department = null;
        }
        if (Q is { Length: > 100 }) Q = Q[..100];
        PageNumber = Math.Max(1, PageNumber);
        var filter = new CaseFilter(Kind, Status == "all" ? null : Status, Department, Overdue ? true : null, Q, PageNumber, PageSize);
        try
        {
            Result = await queries.ListAsync(Actor, filter, ct);
            if (Result.Items.Count == 0 && Result.Total > 0)
            {
                PageNumber = Pages;
                Result = await queries.ListAsync(Actor, filter with { Page = PageNumber }, ct);
            }
        }
        catch (InputException e)
        {
            Errors.Show(e, new Dictionary<string, string> { ["kind"] = "kind", ["status"] = "status", ["department"] = "department" });
        }
    }

    public string PageLink(int page)
    {
        var query = new List<string> { "status=" + Uri.EscapeDataString(Status ?? "open") };
        if (!string.IsNullOrWhiteSpace(Kind)) query.Add("kind=" + Uri.EscapeDataString(Kind));
        if (!string.IsNullOrWhiteSpace(Department)) query.Add("department=" + Uri.EscapeDataString(Department));
        if (Overdue) query.Add("overdue=true");
        if (!string.IsNullOrWhiteSpace(Q)) query.Add("q=" + Uri.EscapeDataString(Q));
        query.Add($"p={page}");
        return "/admin/cases?" + string.Join('&', query);
    }
}

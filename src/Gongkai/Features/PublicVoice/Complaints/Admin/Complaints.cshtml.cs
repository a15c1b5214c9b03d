using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Complaints.Admin;

/// <summary>
/// 效能投诉: the supervision office's list. Only 效能监察员 reach it (403 for everyone else); the
/// rows come from <see cref="CaseQueries"/> through <see cref="CaseActor"/>, so the rule stays in one place.
/// </summary>
[Authorize(Policy = Policies.Inspection)]
public sealed class ComplaintsModel(CaseQueries queries) : PageModel
{
    public static readonly (string Value, string Text)[] Statuses =
        [("open", "未办结"), ("received", "待受理"), ("handling", "调查中"), ("answered", "已答复"), ("closed", "已办结"), ("", "全部")];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Status { get; set; } = "open";
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public CasePage Result { get; private set; } = new(0, 1, 20, []);
    public FormErrors Errors { get; } = new();
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Result = await queries.ListAsync(CaseActor.For(User), new CaseFilter("complaint", Status, null, Overdue ? true : null, Q, Math.Max(1, PageNumber), 20), ct);
        }
        catch (InputException e)
        {
            Errors.Show(e, new Dictionary<string, string> { ["status"] = "status" });
        }
    }

    public string PageUrl(int page) =>
        $"/admin/complaints?status={Uri.EscapeDataString(Status ?? "")}&q={Uri.EscapeDataString(Q ?? "")}{(Overdue ? "&overdue=true" : "")}&p={page}";
}

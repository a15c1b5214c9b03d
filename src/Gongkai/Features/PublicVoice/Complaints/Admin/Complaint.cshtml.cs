using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Complaints.Admin;

/// <summary>
/// One complaint for the supervision staff: the complainant, whom it is about, the investigation
/// (findings and sanctions), the timeline, and one form per step <see cref="CaseSteps.Allowed"/>
/// lets them take now (受理, 调查结论, 答复, 审核, 办结, 备注). Any other case id is 404 here.
/// </summary>
[Authorize(Policy = Policies.Inspection)]
public sealed class ComplaintModel(CaseQueries queries, CaseWorkflow workflow) : PageModel
{
    public static readonly (string Value, string Text)[] Findings =
        [("substantiated", "属实"), ("partly-substantiated", "部分属实"), ("unsubstantiated", "不属实")];

    public CaseDetail Case { get; private set; } = null!;
    public FormErrors Errors { get; } = new();

    [BindProperty] public string? Finding { get; set; }
    [BindProperty] public string? FindingsText { get; set; }
    [BindProperty] public string? Sanctions { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            switch (step)
            {
                case CaseSteps.Accept: await workflow.AcceptAsync(id, ct); break;
                case CaseSteps.Findings:
                    await workflow.RecordFindingsAsync(id, new FindingsRequest(Finding, FindingsText, Sanctions), ct); break;
                case CaseSteps.Answer: await workflow.AnswerAsync(id, new CaseTextRequest(Text), ct); break;
                case CaseSteps.Approve: await workflow.ApproveAsync(id, ct); break;
                case CaseSteps.Reject: await workflow.RejectAnswerAsync(id, new CaseReasonRequest(Reason), ct); break;
                case CaseSteps.Close:
                    // Closing ends the case: the form asks to confirm.
                    if (!Confirm) { Errors.Add("close-confirm", "请勾选确认后再办结"); return Page(); }
                    await workflow.CloseAsync(id, new CloseCaseRequest(null, Note), ct); break;
                case CaseSteps.Note: await workflow.NoteAsync(id, new CaseTextRequest(Text), ct); break;
                default: return NotFound();
            }
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            Errors.Show(e, new Dictionary<string, string>
            {
                ["finding"] = "finding", ["findings"] = "findings-text", ["sanctions"] = "sanctions",
                ["text"] = step == CaseSteps.Note ? "note-text" : "answer-text", ["reason"] = "reject-reason", ["note"] = "close-note",
            });
            return Page();
        }
        TempData["Message"] = "已保存。";
        return Redirect($"/admin/complaints/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(CaseActor.For(User), id, ct);
        // This page is for complaints only; an opinion has its own page.
        if (detail is null || detail.Kind != "complaint") return false;
        Case = detail;
        FindingsText ??= detail.Complaint?.Findings;
        Sanctions ??= detail.Complaint?.Sanctions;
        Finding ??= detail.Complaint?.Finding;
        return true;
    }

    public bool Can(string step) => Case.Actions.Contains(step);
}

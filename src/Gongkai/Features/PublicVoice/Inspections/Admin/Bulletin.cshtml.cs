using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Inspections.Admin;

/// <summary>
/// A bulletin (通报) from the inspections and complaints picked on the list: the draft is shown for
/// editing, then saved as a catalogue item draft in the 通报 column for the normal review.
/// </summary>
[Authorize(Policy = Policies.Inspection)]
public sealed class BulletinModel(BulletinService bulletins) : PageModel
{
    [BindProperty] public long[] InspectionIds { get; set; } = [];
    [BindProperty] public long[] ComplaintIds { get; set; } = [];
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    public FormErrors Errors { get; } = new();
    /// <summary>False when nothing usable was picked: the page only shows the errors and a way back.</summary>
    public bool HasDraft { get; private set; }

    public IActionResult OnGet() => Redirect("/admin/inspections");

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        try
        {
            var draft = await bulletins.DraftAsync(new BulletinRequest(InspectionIds, ComplaintIds), ct);
            (Title, Body, HasDraft) = (draft.Title, draft.Body, true);
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            Errors.Show(e, new Dictionary<string, string>());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        HasDraft = true;
        if (string.IsNullOrWhiteSpace(Title)) Errors.Add("title", "请填写通报标题");
        if (string.IsNullOrWhiteSpace(Body)) Errors.Add("body", "请填写通报正文");
        if (Errors.Any) return Page();
        try
        {
            var created = await bulletins.CreateAsync(new BulletinRequest(InspectionIds, ComplaintIds, Title, Body), ct);
            TempData["Message"] = $"通报“{created.Title}”已存为政府信息草稿（编号 {created.ItemId}），由公开办提交审核后发布。";
            return Redirect("/admin/inspections");
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            Errors.Show(e, new Dictionary<string, string> { ["title"] = "title", ["body"] = "body" });
            return Page();
        }
    }
}

using Gongkai.Data;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Topics.Admin;

/// <summary>/admin/cases/topics: the office lists the topics of opinions and adds or edits one (?edit=code).</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class TopicsModel(CaseTopicEditing topics, GongkaiDbContext db) : PageModel
{
    [BindProperty] public TopicInput Input { get; set; } = new(null, null, null, null, null, null, null, true);
    public List<TopicView> Topics { get; private set; } = [];
    public List<(string Code, string Name)> Departments { get; private set; } = [];
    public string? Editing { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is not null)
        {
            var t = Topics.FirstOrDefault(x => x.Code == edit);
            if (t is null) return NotFound();
            Editing = t.Code;
            Input = new TopicInput(t.Code, t.Name, t.Group, t.Description, t.Keywords, t.DefaultDepartment, t.SortOrder, t.Active);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? edit, CancellationToken ct)
    {
        // An unticked checkbox posts nothing: for an edit that means "not active".
        var input = edit is null ? Input with { Active = true } : Input with { Active = Input.Active == true };
        var (errors, saved) = await topics.SaveAsync(edit, input, ct);
        if (saved is null)
        {
            Errors.AddRange(errors.Values.SelectMany(v => v));
            Editing = edit;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = $"类别“{saved.Name}”已保存。";
        return Redirect("/admin/cases/topics");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Topics = await topics.ListAsync(activeOnly: false, ct);
        Departments = [.. (await db.Departments.Where(d => d.IsActive).OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name))];
    }
}

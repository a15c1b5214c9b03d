using Gongkai.Data;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Catalogue.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Admin;

/// <summary>
/// /admin/cases/{id}: one case for staff as <see cref="CaseQueries.DetailAsync"/> shows it to the
/// caller (a case the caller may not read is a 404, like a missing one), with one form per step in
/// <see cref="CaseDetail.Actions"/> (Case.Steps.cs). A refused step re-renders the page with the
/// Chinese reason inside its form and what was typed.
/// </summary>
// Room for an attachment (AttachAsync); the other forms are small.
[RequestSizeLimit(CaseAttachments.PageUploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = CaseAttachments.PageUploadLimit)]
public sealed partial class CaseModel(GongkaiDbContext db, CaseQueries queries, CaseWorkflow workflow) : PageModel
{
    public CaseDetail View { get; private set; } = null!;
    public List<Choice> Departments { get; private set; } = [];
    /// <summary>The topic's name (the detail carries its code).</summary>
    public string? TopicName { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The form whose step was refused: its messages are repeated inside it.</summary>
    public string? ActiveForm { get; private set; }

    /// <summary>The values typed into the step forms (by field id), shown again when a step is refused.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

    public bool Can(string step) => View.Actions.Contains(step);

    /// <summary>A typed value, or the default the form starts with.</summary>
    public string? V(string fieldId, string? initial = null) => Typed.TryGetValue(fieldId, out var v) ? v : initial;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(CaseActor.For(User), id, ct);
        if (detail is null) return false;
        View = detail;
        if (detail.Topic is { } topic)
            TopicName = await db.CaseTopics.Where(t => t.Code == topic).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? topic;
        if (detail.Actions.Any(a => a is CaseSteps.Assign or CaseSteps.Transfer))
            Departments = await ItemChoices.DepartmentsAsync(db, ct);
        return true;
    }
}

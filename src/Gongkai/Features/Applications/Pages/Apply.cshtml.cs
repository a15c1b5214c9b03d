using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Catalogue.Admin;
using Gongkai.Features.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Features.Applications.Pages;

/// <summary>
/// /apply: the application form of 第二十九条, for anyone, without an account. "先查一查" re-renders
/// the form with published items that may already answer it (第三十六条第（一）项); a small script
/// does the same as the description is typed. A refused form comes back with everything typed.
/// </summary>
[EnableRateLimiting(ApplicationPagesSetup.SubmitPagePolicy)]
public sealed class ApplyModel(GongkaiDbContext db, ApplicationWorkflow workflow, PublishedSuggestions suggestions) : PageModel
{
    /// <summary>TempData keys of the receipt shown once on /apply/submitted.</summary>
    public const string ReceiptCode = "Receipt.Code", ReceiptKey = "Receipt.Key", ReceiptReceived = "Receipt.Received", ReceiptDue = "Receipt.Due";

    [BindProperty] public ApplicationForm Input { get; set; } = new();

    public List<Choice> Departments { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    /// <summary>Null until the applicant asked; then what was found (maybe nothing).</summary>
    public IReadOnlyList<SearchHit>? Suggested { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Departments = await ItemChoices.DepartmentsAsync(db, ct);

    /// <summary>"先查一查": nothing is saved; the form comes back with the published items found.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        Departments = await ItemChoices.DepartmentsAsync(db, ct);
        if (string.IsNullOrWhiteSpace(Input.Description) && string.IsNullOrWhiteSpace(Input.DocumentNumber))
            Errors.Add("Input_Description", "请先填写所需政府信息的名称、文号或描述，再查一查");
        else
            Suggested = suggestions.Find(Input.Description, Input.DocumentNumber);
        return Page();
    }

    /// <summary>The script's live suggestions: the same list as "先查一查", as an HTML fragment.</summary>
    public IActionResult OnGetSuggestions(string? description, string? documentNumber)
    {
        var hits = string.IsNullOrWhiteSpace(description) && string.IsNullOrWhiteSpace(documentNumber)
            ? null : suggestions.Find(description, documentNumber);
        return Partial("_Suggestions", hits);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Check(Errors, portal: true);
        if (!Errors.Any)
        {
            try
            {
                var (application, key) = await workflow.SubmitAsync(Input.ToPublicRequest(), ct);
                // Post/redirect/get: the receipt travels in TempData (an encrypted cookie) and is shown once.
                TempData[ReceiptCode] = application.TrackingCode;
                TempData[ReceiptKey] = key;
                // Day numbers: the TempData serializer would turn an ISO date string into a DateTime.
                TempData[ReceiptReceived] = application.ReceivedOn.DayNumber;
                TempData[ReceiptDue] = application.DueOn?.DayNumber;
                return Redirect("/apply/submitted");
            }
            catch (Exception e) when (FormErrors.IsRefusal(e))
            {
                Errors.Show(e, ApplicationForm.Fields);
            }
        }
        Departments = await ItemChoices.DepartmentsAsync(db, ct);
        return Page();
    }
}

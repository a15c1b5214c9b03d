using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Catalogue.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>
/// The shared behaviour of /opinions/new and /complaints/new: no account, a human check
/// (<see cref="HumanCheck"/>), "先查一查" re-rendering the form with what is already published, and
/// a refused form coming back with everything typed. On success the receipt goes to
/// /opinions/submitted through TempData (shown once).
/// </summary>
public abstract class CaseFormPage(GongkaiDbContext db, CaseWorkflow workflow, HumanCheck human, SimilarCases similar) : PageModel
{
    public const string ReceiptCode = "Case.Receipt.Code", ReceiptKey = "Case.Receipt.Key", ReceiptDue = "Case.Receipt.Due", ReceiptKind = "Case.Receipt.Kind";

    public abstract CaseKind Kind { get; }
    public bool IsComplaint => Kind == CaseKind.Complaint;
    public string Path => IsComplaint ? "/complaints/new" : "/opinions/new";

    [BindProperty] public CaseForm Input { get; set; } = new();

    /// <summary>Photos or documents the citizen attaches (up to five); every one is checked before the case is filed.</summary>
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public FormErrors Errors { get; } = new();
    public HumanCheck.Challenge Human { get; private set; } = null!;
    public List<Choice> Topics { get; private set; } = [];
    public List<Choice> Departments { get; private set; } = [];

    /// <summary>Null until the citizen asked; then what was found (maybe nothing).</summary>
    public SimilarResult? Similar { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Human = human.New();
        await ChoicesAsync(ct);
    }

    /// <summary>"先查一查": nothing is saved; the form comes back with what was found, and the same question.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Title)) Errors.Add("Input_Title", "请先填写标题，再查一查");
        else Similar = await similar.FindAsync(Input.Title, ct);
        KeepOrRenewChallenge();
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var verdict = human.Verify(Input.Token, Input.Answer, Input.Website);
        if (verdict != HumanCheck.Verdict.Passed)
        {
            Errors.Add("Input_Answer", HumanCheck.Message(verdict));
        }
        else
        {
            try
            {
                var attachments = HttpContext.RequestServices.GetRequiredService<CaseAttachments>();
                if (!await FilesPassAsync(attachments, ct))
                {
                    KeepOrRenewChallenge();
                    await ChoicesAsync(ct);
                    return Page();
                }
                var (c, key) = await workflow.SubmitAsync(Kind, Input.ToRequest(IsComplaint), CaseChannel.Portal, ct);
                human.Spend(Input.Token);
                foreach (var file in Files.Where(f => f.Length > 0))
                {
                    await using var stream = file.OpenReadStream();
                    await attachments.AddAsync(c, file.FileName, stream, fromCitizen: true, ct);
                }
                TempData[ReceiptCode] = c.TrackingCode;
                TempData[ReceiptKey] = key;
                // A day number: the TempData serializer would turn an ISO date string into a DateTime.
                TempData[ReceiptDue] = c.DueOn.DayNumber;
                TempData[ReceiptKind] = c.Kind.Code();
                return Redirect("/opinions/submitted");
            }
            catch (Exception e) when (FormErrors.IsRefusal(e))
            {
                Errors.Show(e, CaseForm.Fields);
            }
        }
        // A wrong answer gets a new question; a refused text keeps its solved one.
        if (verdict == HumanCheck.Verdict.Passed) KeepOrRenewChallenge();
        else { Human = human.New(); Input.Answer = null; }
        await ChoicesAsync(ct);
        return Page();
    }

    /// <summary>Checks every attached file before anything is filed; a refusal names the file and asks for the files again (a browser cannot keep them).</summary>
    private async Task<bool> FilesPassAsync(CaseAttachments attachments, CancellationToken ct)
    {
        var files = Files.Where(f => f.Length > 0).ToList();
        if (files.Count > attachments.MaxCitizenFiles)
        {
            Errors.Add("Files", $"最多上传 {attachments.MaxCitizenFiles} 个附件，请重新选择。");
            return false;
        }
        foreach (var file in files)
        {
            try
            {
                await using var stream = file.OpenReadStream();
                await attachments.CheckAsync(file.FileName, stream, ct);
            }
            catch (Catalogue.Attachments.AttachmentRefusedException e)
            {
                Errors.Add("Files", e.Message + "（其他内容已保留，请重新选择附件）");
                return false;
            }
        }
        return true;
    }

    /// <summary>The question on the page when it is shown again: the posted one while still valid (the fill time counts from the first view).</summary>
    private void KeepOrRenewChallenge()
    {
        var fresh = human.New();
        Human = human.QuestionOf(Input.Token) is { } question ? new HumanCheck.Challenge(question, Input.Token!) : fresh;
        if (Human == fresh) Input.Answer = null;
    }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        Topics = await db.CaseTopics.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new Choice(t.Code, t.Name, 0)).ToListAsync(ct);
        if (IsComplaint) Departments = await ItemChoices.DepartmentsAsync(db, ct);
    }
}

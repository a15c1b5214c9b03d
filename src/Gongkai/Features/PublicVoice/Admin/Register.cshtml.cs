using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Cases;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Catalogue.Admin;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Admin;

/// <summary>
/// /admin/cases/register: the office registers an opinion that came by letter, visit or hotline, or
/// a supervisor's suggestion; the supervision staff register complaints. The access key is shown
/// once, for the citizen to be told.
/// </summary>
public sealed class RegisterCaseModel(GongkaiDbContext db, CaseWorkflow workflow, TimeProvider clock) : PageModel
{
    public sealed class Form
    {
        public string? Kind { get; set; }
        public string? Channel { get; set; }
        public string? ReceivedOn { get; set; }
        public string? Title { get; set; }
        public string? Content { get; set; }
        public string? Name { get; set; }
        public string? Contact { get; set; }
        public string? Topic { get; set; }
        public bool PublishConsent { get; set; }
        public string? AccusedDepartment { get; set; }
        public string? AccusedPerson { get; set; }
        public string? SupervisorId { get; set; }
    }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["kind"] = "Input_Kind", ["channel"] = "Input_Channel", ["receivedOn"] = "Input_ReceivedOn", ["title"] = "Input_Title",
        ["content"] = "Input_Content", ["name"] = "Input_Name", ["contact"] = "Input_Contact", ["topic"] = "Input_Topic",
        ["accusedDepartment"] = "Input_AccusedDepartment", ["accusedPerson"] = "Input_AccusedPerson", ["supervisorId"] = "Input_SupervisorId",
    };

    [BindProperty] public Form Input { get; set; } = new();
    public FormErrors Errors { get; } = new();
    public List<Choice> Departments { get; private set; } = [];
    public List<Choice> Topics { get; private set; } = [];
    public List<Choice> Supervisors { get; private set; } = [];
    public CaseActor Actor => CaseActor.For(User);
    public string Today => ChinaTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The kinds the caller may register.</summary>
    public IReadOnlyList<CaseKind> Kinds =>
        [.. new[] { CaseKind.Opinion, CaseKind.Suggestion, CaseKind.Complaint }.Where(Actor.ActsAsOffice)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Kinds.Count == 0) return Forbid();
        Input.Kind = Kinds[0].Code();
        Input.ReceivedOn = Today;
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Kinds.Count == 0) return Forbid();
        long? supervisor = null;
        if (!string.IsNullOrWhiteSpace(Input.SupervisorId))
        {
            if (long.TryParse(Input.SupervisorId, out var s)) supervisor = s;
            else Errors.Add("Input_SupervisorId", "请从列表中选择监督员");
        }
        if (!Errors.Any)
        {
            try
            {
                var complaint = Input.Kind == "complaint";
                var (c, key) = await workflow.RegisterAsync(new StaffCaseRequest(Input.Kind, Input.Channel, Input.ReceivedOn, Input.Title, Input.Content,
                    Blank(Input.Name), Blank(Input.Contact), complaint ? null : Blank(Input.Topic), Input.PublishConsent,
                    complaint ? Blank(Input.AccusedDepartment) : null, complaint ? Blank(Input.AccusedPerson) : null,
                    Input.Kind == "suggestion" ? supervisor : null), ct);
                TempData["Message"] = $"已登记，查询码 {c.TrackingCode}，查询密钥 {key}（只显示这一次，请告知来信人），答复期限 {ClockNames.Chinese(c.DueOn)}。";
                return Redirect($"/admin/cases/{c.Id}");
            }
            catch (Exception e) when (FormErrors.IsRefusal(e))
            {
                Errors.Show(e, Fields);
            }
        }
        await ChoicesAsync(ct);
        return Page();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task ChoicesAsync(CancellationToken ct)
    {
        Departments = await ItemChoices.DepartmentsAsync(db, ct);
        Topics = await db.CaseTopics.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new Choice(t.Code, t.Name, 0)).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        var rows = await db.Supervisors.AsNoTracking().Where(s => s.TermEnd >= today).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Affiliation }).ToListAsync(ct);
        Supervisors = [.. rows.Select(s => new Choice(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{s.Name}（{s.Affiliation}）"))];
    }
}

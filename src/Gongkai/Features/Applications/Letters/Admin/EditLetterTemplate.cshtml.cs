using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications.Letters.Admin;

/// <summary>
/// The office edits one group's letter template: placeholders checked (an unknown one, a lone brace or
/// a missing required one is refused with the reason), a preview with a sample application, and a
/// reset to the default. Every change is a row change, so the audit log keeps it with the text.
/// </summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class EditLetterTemplateModel(GongkaiDbContext db, IOptions<ReplyLetterOptions> options, TimeProvider clock) : PageModel
{
    public OutcomeGroup Group { get; private set; }
    public bool Changed { get; private set; }
    [BindProperty] public string? Text { get; set; }
    /// <summary>The outcome the preview is for (one of the group's).</summary>
    [BindProperty] public string? Outcome { get; set; }
    public List<string> Errors { get; } = [];
    public LetterContent? Preview { get; private set; }

    public IEnumerable<OutcomeInfo> Outcomes => ReplyOutcomes.All.Where(o => o.Group == Group);

    public async Task<IActionResult> OnGetAsync(string group, CancellationToken ct)
    {
        if (!await LoadAsync(group, ct)) return NotFound();
        Text = await ReplyLetters.TemplateTextAsync(db, Group, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string group, CancellationToken ct)
    {
        if (!await LoadAsync(group, ct)) return NotFound();
        Errors.AddRange(LetterTemplates.Validate(Group, Text));
        if (Errors.Count == 0) Preview = await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string group, CancellationToken ct)
    {
        if (!await LoadAsync(group, ct)) return NotFound();
        Errors.AddRange(LetterTemplates.Validate(Group, Text));
        if (Errors.Count > 0) return Page();

        var text = Normalise(Text!);
        var row = await db.Set<ReplyLetterTemplate>().FirstOrDefaultAsync(t => t.Group == Group, ct);
        if (text == Normalise(LetterTemplates.Default(Group)))
        {
            // The default text saved as is: no override to keep.
            if (row is not null) db.Remove(row);
        }
        else
        {
            if (row is null) db.Add(row = new ReplyLetterTemplate { Group = Group });
            row.Text = text;
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            row.UpdatedBy = User.Identity?.Name ?? "";
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"“{Group.ShortName()}”告知书模板已保存，此后的答复按新模板生成告知书。";
        return Redirect($"/admin/letter-templates/{Group.Code()}");
    }

    public async Task<IActionResult> OnPostResetAsync(string group, CancellationToken ct)
    {
        if (!await LoadAsync(group, ct)) return NotFound();
        var row = await db.Set<ReplyLetterTemplate>().FirstOrDefaultAsync(t => t.Group == Group, ct);
        if (row is not null)
        {
            db.Remove(row);
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = $"“{Group.ShortName()}”告知书模板已恢复为默认模板。";
        return Redirect($"/admin/letter-templates/{Group.Code()}");
    }

    private async Task<bool> LoadAsync(string group, CancellationToken ct)
    {
        if (!LetterWording.TryParseGroup(group, out var g)) return false;
        Group = g;
        Changed = await db.Set<ReplyLetterTemplate>().AnyAsync(t => t.Group == g, ct);
        return true;
    }

    /// <summary>Lines trimmed, blank lines dropped: how the letter reads the text anyway.</summary>
    private static string Normalise(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>The letter this text gives for a sample application to the disclosure office, replied today.</summary>
    private async Task<LetterContent> PreviewAsync(CancellationToken ct)
    {
        var outcome = ReplyOutcomes.TryParse(Outcome, out var o) && o.Group() == Group ? o : Outcomes.First().Outcome;
        Outcome = outcome.Code();
        var units = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .Where(d => d.Kind == OrgUnitKind.Government || d.Code == "zfb")
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Code, d.Name, d.Kind, d.Phone }).ToListAsync(ct);
        var government = units.FirstOrDefault(u => u.Kind == OrgUnitKind.Government)?.Name;
        var body = units.FirstOrDefault(u => u.Code == "zfb") ?? units.FirstOrDefault();
        var settings = options.Value;
        var district = LetterNames.District(government);
        var kind = body?.Kind ?? OrgUnitKind.Government;
        var name = body is null ? "区人民政府办公室" : LetterNames.FullName(body.Name, body.Kind, district);
        var today = ChinaTime.Today(clock);
        var facts = new LetterFacts("张三", ApplicantType.NaturalPerson, today.AddDays(-14), "本区2025年老旧小区改造项目清单及资金安排", null,
            "电子邮件", "YS" + today.Year + "-SAMPLE00", RulesVersion.Rules2019, outcome, "（此处为工作人员填写的答复内容和理由。）", today,
            name, string.IsNullOrWhiteSpace(body?.Phone) ? null : body.Phone, LetterNames.ReviewBody(settings, kind, government),
            LetterNames.Court(settings, district), LetterNames.Number(LetterNames.NumberPrefix(settings, body?.Code ?? "", name, kind, district), today.Year, 1),
            new LetterDetails("区住房和城乡建设局", "0000-12345678"));
        return LetterComposer.Compose(Text!, facts);
    }
}

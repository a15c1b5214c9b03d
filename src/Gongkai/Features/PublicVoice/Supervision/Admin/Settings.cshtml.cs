using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Supervision.Admin;

/// <summary>/admin/cases/settings: each kind's reply deadline and near-due days (<see cref="CaseSettings"/>).</summary>
public sealed class SettingsModel(CaseSettings settings) : PageModel
{
    public IReadOnlyList<CaseKindSettingView> Settings { get; private set; } = [];
    public List<string> Errors { get; } = [];

    [BindProperty]
    public List<Row> Input { get; set; } = [];

    public sealed class Row
    {
        public string? Kind { get; set; }
        public int? DueWorkingDays { get; set; }
        public int? NearDueWorkingDays { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = [.. Settings.Where(s => s.CanEdit).Select(s => new Row { Kind = s.Kind, DueWorkingDays = s.DueWorkingDays, NearDueWorkingDays = s.NearDueWorkingDays })];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A number the browser could not send as a number (letters, blanks) arrives as null: the service names it.
        try
        {
            await settings.SaveAsync(CaseActor.For(User), [.. Input.Select(r => new CaseKindSettingRequest(r.Kind, r.DueWorkingDays, r.NearDueWorkingDays))], ct);
            TempData["Message"] = "办理时限已保存，此后收到的事项按新时限计算。";
            return RedirectToPage();
        }
        catch (InputException e)
        {
            Errors.AddRange(e.Errors.SelectMany(x => x.Value.Select(m => Label(x.Key) + m)));
        }
        catch (DepartmentScopeException e)
        {
            Errors.Add(e.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        await LoadAsync(ct);
        return Page();
    }

    private string Label(string key)
    {
        // Keys are "[i].field": name the kind the message is about.
        var end = key.IndexOf(']', StringComparison.Ordinal);
        if (key.StartsWith('[') && end > 1 && int.TryParse(key[1..end], out var i) && i < Input.Count
            && CaseCodes.TryParseKind(Input[i].Kind, out var kind))
            return kind.ToChinese() + "：";
        return "";
    }

    private async Task LoadAsync(CancellationToken ct) => Settings = await settings.ListAsync(CaseActor.For(User), ct);
}

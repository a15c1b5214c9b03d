using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Supervisors.Admin;

/// <summary>One supervisor (/admin/supervisors/{id}; "new" registers one): details, and their suggestions with each outcome.</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class SupervisorModel(SupervisorService supervisors) : PageModel
{
    public long? Id { get; private set; }
    public SupervisorView? Current { get; private set; }
    public List<SuggestionView> Suggestions { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Affiliation { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? TermStart { get; set; }
    [BindProperty] public string? TermEnd { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!Parse(id)) return NotFound();
        if (Id is null) return Page();
        if (!await LoadAsync(ct)) return NotFound();
        (Name, Affiliation, TermStart, TermEnd, Notes) = (Current!.Name, Current.Affiliation, Current.TermStart.ToString("yyyy-MM-dd"), Current.TermEnd.ToString("yyyy-MM-dd"), Current.Notes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!Parse(id)) return NotFound();
        if (Id is not null && !await LoadAsync(ct)) return NotFound();
        var input = new SupervisorRequest(Name, Affiliation, Contact, TermStart, TermEnd, Notes);
        try
        {
            var saved = Id is { } existing ? await supervisors.UpdateAsync(existing, input, ct) : await supervisors.CreateAsync(input, ct);
            TempData["Message"] = $"监督员“{saved.Name}”已保存。";
            return Redirect($"/admin/supervisors/{saved.Id}");
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            if (e is NotFoundException) return NotFound();
            Errors.Show(e, new Dictionary<string, string>
            {
                ["name"] = "name", ["affiliation"] = "affiliation", ["contact"] = "contact", ["termStart"] = "termStart", ["termEnd"] = "termEnd", ["notes"] = "notes",
            });
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Current = await supervisors.GetAsync(Id!.Value, ct);
        if (Current is null) return false;
        Suggestions = await supervisors.SuggestionsAsync(Current.Id, ct);
        return true;
    }

    private bool Parse(string id)
    {
        if (id == "new") return true;
        if (!long.TryParse(id, out var n) || n <= 0) return false;
        Id = n;
        return true;
    }
}

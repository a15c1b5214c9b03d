using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Open311.Admin;

/// <summary>
/// The office's list of Open311 client keys: issue one (shown once), see when each was last used,
/// revoke one after a confirmation (a revoked key cannot be restored).
/// </summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class ClientsModel(Open311Keys keys) : PageModel
{
    private static readonly Dictionary<string, string> FormFields = new() { ["name"] = "name", ["contact"] = "contact" };

    public IReadOnlyList<Open311ClientView> Clients { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public IssuedOpen311Key? Issued { get; private set; }

    /// <summary>The client whose revocation waits for confirmation.</summary>
    public Open311ClientView? Revoking { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Contact { get; set; }

    public async Task OnGetAsync(int? revoke, int? revoked, CancellationToken ct)
    {
        await LoadAsync(revoke, ct);
        if (revoked is { } id && Clients.FirstOrDefault(c => c.Id == id) is { } r)
            Message = $"已吊销“{r.Name}”的密钥，该应用已不能再提交。";
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        try
        {
            Issued = await keys.IssueAsync(new IssueOpen311KeyRequest(Name, Contact), ct);
            Name = Contact = null;
        }
        catch (InputException e)
        {
            Errors.Show(e, FormFields);
        }
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            Errors.Add("revoke-confirm", "请勾选确认后再吊销");
            await LoadAsync(id, ct);
            return Page();
        }
        if (!await keys.RevokeAsync(id, ct)) return NotFound();
        return Redirect($"/admin/open311?revoked={id}");
    }

    private async Task LoadAsync(int? revoke, CancellationToken ct)
    {
        Clients = await keys.ListAsync(ct);
        Revoking = revoke is { } id ? Clients.FirstOrDefault(c => c.Id == id && c.Active) : null;
    }
}

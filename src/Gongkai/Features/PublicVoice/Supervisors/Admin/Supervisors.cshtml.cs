using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Supervisors.Admin;

/// <summary>监督员名册: in-term supervisors first; contacts only masked.</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class SupervisorsModel(SupervisorService supervisors) : PageModel
{
    public List<SupervisorView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await supervisors.ListAsync(ct);
}

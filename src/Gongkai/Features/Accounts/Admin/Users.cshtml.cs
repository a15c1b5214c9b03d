using Gongkai.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Accounts.Admin;

[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class UsersModel(GongkaiDbContext db, DepartmentScope scope) : PageModel
{
    public IReadOnlyList<StaffUserDto> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await AccountsApi.Query(db, scope.Visible(db.Users).OrderBy(u => u.UserName), ct);
}

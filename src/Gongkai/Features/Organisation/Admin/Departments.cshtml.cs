using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Organisation.Admin;

[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class DepartmentsModel(GongkaiDbContext db) : PageModel
{
    public sealed record Row(string Code, string Name, OrgUnitKind Kind, string CreditCode, string Phone, bool IsActive);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Departments.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.SortOrder)
            .Select(d => new Row(d.Code, d.Name, d.Kind, d.CreditCode, d.Phone, d.IsActive)).ToListAsync(ct);
}

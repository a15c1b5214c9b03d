using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Portal;

public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public sealed record Row(string Code, string Name);

    public List<Row> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Departments = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.Kind == OrgUnitKind.Department)
            .OrderBy(d => d.SortOrder)
            .Select(d => new Row(d.Code, d.Name))
            .ToListAsync(ct);
}

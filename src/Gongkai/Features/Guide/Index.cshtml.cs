using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Guide;

/// <summary>The guides of every body that publishes: the district government, its departments, streets and towns.</summary>
public sealed class GuideIndexModel(GongkaiDbContext db) : PageModel
{
    public sealed record Row(string Code, string Name, OrgUnitKind Kind);

    public List<IGrouping<OrgUnitKind, Row>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new Row(d.Code, d.Name, d.Kind)).ToListAsync(ct);
        Groups = rows.GroupBy(r => r.Kind).ToList();
    }
}

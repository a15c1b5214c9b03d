using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Portal;

public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public sealed record Row(string Code, string Name);

    public sealed record Latest1(long Id, string Title, string DepartmentName, DateOnly? PublishedOn);

    public List<Row> Departments { get; private set; } = [];
    public List<Latest1> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Latest = await (from i in db.Items.AsNoTracking()
                        where i.State == Domain.Publishing.ItemState.Published
                        join d in db.Departments on i.DepartmentId equals d.Id
                        orderby i.PublishedOn descending, i.Id descending
                        select new Latest1(i.Id, i.Title, d.Name, i.PublishedOn)).Take(10).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.Kind == OrgUnitKind.Department)
            .OrderBy(d => d.SortOrder)
            .Select(d => new Row(d.Code, d.Name))
            .ToListAsync(ct);
    }
}

using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue;

/// <summary>The catalogue: published items by column, department and year, newest first.</summary>
public sealed class BrowseModel(GongkaiDbContext db) : PageModel
{
    private const int PageSize = 20;

    public sealed record Option(string Code, string Name);
    public sealed record Row(long Id, string? IndexNumber, string Title, string DepartmentName, DateOnly? PublishedOn);

    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public List<Option> Categories { get; private set; } = [];
    public List<Option> Departments { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await db.Categories.AsNoTracking().Where(c => c.IsActive && c.ParentId != null).OrderBy(c => c.SortOrder).Select(c => new Option(c.Code, c.Name)).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).Select(d => new Option(d.Code, d.Name)).ToListAsync(ct);

        var query = from i in db.Items.AsNoTracking()
                    where i.State == ItemState.Published
                    join d in db.Departments on i.DepartmentId equals d.Id
                    join c in db.Categories on i.CategoryId equals c.Id
                    select new { i, DepartmentCode = d.Code, DepartmentName = d.Name, CategoryCode = c.Code };
        if (!string.IsNullOrEmpty(Category)) query = query.Where(x => x.CategoryCode == Category);
        if (!string.IsNullOrEmpty(Department)) query = query.Where(x => x.DepartmentCode == Department);
        if (Year is { } y and >= 2000 and <= 2100)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(x => x.i.PublishedOn >= from && x.i.PublishedOn <= to);
        }
        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderByDescending(x => x.i.PublishedOn).ThenByDescending(x => x.i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new Row(x.i.Id, x.i.IndexNumber, x.i.Title, x.DepartmentName, x.i.PublishedOn)).ToListAsync(ct);
    }

    public string PageLink(int page) =>
        $"/items?category={Uri.EscapeDataString(Category ?? "")}&department={Uri.EscapeDataString(Department ?? "")}&year={Year}&p={page}";
}

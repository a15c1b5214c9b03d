using Gongkai.Data;
using Gongkai.Features.Catalogue.Feeds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue;

/// <summary>The catalogue: published items by column, department and year, newest first.</summary>
public sealed class BrowseModel(GongkaiDbContext db, IOptions<CatalogueOptions> options) : PageModel
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

    /// <summary>More items match than <see cref="CatalogueOptions.ListCountCap"/>: <see cref="Total"/> is the cap.</summary>
    public bool TotalIsCapped { get; private set; }
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive && c.ParentId != null).OrderBy(c => c.SortOrder)
            .Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        // Every department, active or not: items of a department since closed stay published under its name.
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.SortOrder)
            .Select(d => new { d.Id, d.Code, d.Name, d.IsActive }).ToListAsync(ct);
        Categories = [.. categories.Select(c => new Option(c.Code, c.Name))];
        Departments = [.. departments.Where(d => d.IsActive).Select(d => new Option(d.Code, d.Name))];

        // Codes become ids first, so the count and the page read the items table alone, through its
        // indexes: joined to departments and columns, the count of a million items took five times as long.
        int? departmentId = null;
        List<int>? categoryIds = null;
        if (!string.IsNullOrEmpty(Department))
        {
            departmentId = departments.FirstOrDefault(d => d.Code == Department)?.Id;
            if (departmentId is null) return; // no such department: nothing to list
        }
        if (!string.IsNullOrEmpty(Category))
        {
            var category = await db.Categories.AsNoTracking().Where(c => c.Code == Category).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (category is null) return;
            categoryIds = [category.Value];
        }
        var year = Year is { } y and >= 2000 and <= 2100 ? y : (int?)null;
        var query = PublishedItems.Matching(db, new ItemFilter(departmentId, categoryIds, year));

        var cap = Math.Max(PageSize, options.Value.ListCountCap);
        var counted = await query.Take(cap + 1).CountAsync(ct);
        TotalIsCapped = counted > cap;
        Total = Math.Min(counted, cap);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        var rows = await query.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(i => new { i.Id, i.IndexNumber, i.Title, i.DepartmentId, i.PublishedOn }).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id, r.IndexNumber, r.Title, names.GetValueOrDefault(r.DepartmentId, ""), r.PublishedOn))];
    }

    public string PageLink(int page) =>
        $"/items?category={Uri.EscapeDataString(Category ?? "")}&department={Uri.EscapeDataString(Department ?? "")}&year={Year}&p={page}";
}

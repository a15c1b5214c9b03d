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
        var lookups = await CatalogueLookups.LoadAsync(db, ct);
        Categories = [.. lookups.Categories.Where(c => c.IsActive && c.ParentId != null).OrderBy(c => c.SortOrder).Select(c => new Option(c.Code, c.Name))];
        Departments = [.. lookups.Departments.Where(d => d.IsActive).OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).Select(d => new Option(d.Code, d.Name))];

        // Codes become ids first, so the count and the page read the items table alone, through its
        // indexes: joined to departments and columns, the count of a million items took five times as long.
        int? departmentId = null;
        List<int>? categoryIds = null;
        if (!string.IsNullOrEmpty(Department))
        {
            if (lookups.DepartmentByCode(Department) is not { } department) return; // no such department: nothing to list
            departmentId = department.Id;
        }
        if (!string.IsNullOrEmpty(Category))
        {
            if (lookups.CategoryByCode(Category) is not { } category) return;
            categoryIds = [category.Id];
        }
        var year = Year is { } y and >= 2000 and <= 2100 ? y : (int?)null;
        var query = PublishedItems.Matching(db, new ItemFilter(departmentId, categoryIds, year));

        var cap = Math.Max(PageSize, options.Value.ListCountCap);
        var counted = await query.Take(cap + 1).CountAsync(ct);
        TotalIsCapped = counted > cap;
        Total = Math.Min(counted, cap);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await query.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(i => new { i.Id, i.IndexNumber, i.Title, i.DepartmentId, i.PublishedOn }).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id, r.IndexNumber, r.Title, lookups.Department(r.DepartmentId)?.Name ?? "", r.PublishedOn))];
    }

    public string PageLink(int page) =>
        $"/items?category={Uri.EscapeDataString(Category ?? "")}&department={Uri.EscapeDataString(Department ?? "")}&year={Year}&p={page}";
}

using Gongkai.Data;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Oversight.Admin;

/// <summary>
/// The office names the columns a body is responsible for beyond those every body has (e.g. 区民政局
/// for 社会救助); the completeness check covers them. Saved through SaveChanges, so audited.
/// </summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class DutiesModel(GongkaiDbContext db) : PageModel
{
    public sealed record Option(int Id, string Code, string Name, bool Checked);
    public sealed record Group(string Name, List<Option> Options);

    [BindProperty] public List<string> Codes { get; set; } = [];
    public string DepartmentName { get; private set; } = "";
    public string DepartmentCode { get; private set; } = "";
    public List<string> Required { get; private set; } = [];
    public List<Group> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string departmentCode, CancellationToken ct)
    {
        var department = await FindAsync(departmentCode, ct);
        if (department is null) return NotFound();
        var chosen = await db.DepartmentCategoryDuties.Where(d => d.DepartmentId == department.Value.Id).Select(d => d.CategoryId).ToListAsync(ct);
        await LoadAsync(chosen.ToHashSet(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string departmentCode, CancellationToken ct)
    {
        var department = await FindAsync(departmentCode, ct);
        if (department is null) return NotFound();
        var id = department.Value.Id;
        var wanted = await db.Categories.Where(c => c.IsActive && !c.RequiredOfEveryDepartment && Codes.Contains(c.Code)).Select(c => c.Id).ToListAsync(ct);
        var current = await db.DepartmentCategoryDuties.Where(d => d.DepartmentId == id).ToListAsync(ct);
        // Duties on columns since deactivated are kept: reactivating the column brings them back.
        var selectable = await SelectableQuery().Select(c => c.Id).ToListAsync(ct);
        db.DepartmentCategoryDuties.RemoveRange(current.Where(d => selectable.Contains(d.CategoryId) && !wanted.Contains(d.CategoryId)));
        db.DepartmentCategoryDuties.AddRange(wanted.Except(current.Select(d => d.CategoryId)).Select(c => new DepartmentCategoryDuty { DepartmentId = id, CategoryId = c }));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已保存“{department.Value.Name}”负责的栏目（{wanted.Count} 个）。";
        return Redirect($"/admin/oversight/{department.Value.Code}");
    }

    private async Task<(int Id, string Code, string Name)?> FindAsync(string code, CancellationToken ct)
    {
        code = code.Trim().ToLowerInvariant();
        var d = await db.Departments.Where(x => x.Code == code && x.IsActive).Select(x => new { x.Id, x.Code, x.Name }).FirstOrDefaultAsync(ct);
        if (d is null) return null;
        DepartmentName = d.Name;
        DepartmentCode = d.Code;
        return (d.Id, d.Code, d.Name);
    }

    /// <summary>Active leaf columns that not every body must publish in anyway.</summary>
    private IQueryable<CatalogueCategory> SelectableQuery() =>
        db.Categories.Where(c => c.IsActive && !c.RequiredOfEveryDepartment && !db.Categories.Any(child => child.ParentId == c.Id));

    private async Task LoadAsync(HashSet<int> chosen, CancellationToken ct)
    {
        var parents = await db.Categories.AsNoTracking().Where(c => c.ParentId == null).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Required = await db.Categories.AsNoTracking().Where(c => c.IsActive && c.RequiredOfEveryDepartment).OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(ct);
        var options = await SelectableQuery().AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Code, c.Name, c.ParentId }).ToListAsync(ct);
        Groups = options.GroupBy(o => o.ParentId)
            .Select(g => new Group(g.Key is { } p && parents.TryGetValue(p, out var name) ? name : "其他栏目",
                g.Select(o => new Option(o.Id, o.Code, o.Name, chosen.Contains(o.Id))).ToList()))
            .ToList();
    }
}

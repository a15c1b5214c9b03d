using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Inspections.Admin;

/// <summary>Record a new inspection (/admin/inspections/new) or edit one (/admin/inspections/{id}).</summary>
[Authorize(Policy = Policies.Inspection)]
public sealed class EditModel(InspectionService inspections, GongkaiDbContext db, TimeProvider clock) : PageModel
{
    public long? Id { get; private set; }
    public FormErrors Errors { get; } = new();
    public List<(string Code, string Name)> Departments { get; private set; } = [];
    public long? BulletinItemId { get; private set; }

    [BindProperty] public string? InspectedOn { get; set; }
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? Problems { get; set; }
    [BindProperty] public string? PersonsNamed { get; set; }
    [BindProperty] public string? Inspectors { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!Parse(id)) return NotFound();
        await DepartmentsAsync(ct);
        if (Id is not { } existing)
        {
            InspectedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
            return Page();
        }
        if (await inspections.GetAsync(existing, ct) is not { } v) return NotFound();
        (InspectedOn, Department, Place, Method, Findings, Problems, PersonsNamed, Inspectors, BulletinItemId) =
            (v.InspectedOn.ToString("yyyy-MM-dd"), v.DepartmentCode, v.Place, v.Method, v.Findings, v.Problems, v.PersonsNamed, v.Inspectors, v.BulletinItemId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!Parse(id)) return NotFound();
        var input = new InspectionRequest(InspectedOn, Department, Place, Method, Findings, Problems, PersonsNamed, Inspectors);
        try
        {
            if (Id is { } existing) await inspections.UpdateAsync(existing, input, ct);
            else await inspections.CreateAsync(input, ct);
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            if (e is NotFoundException) return NotFound();
            Errors.Show(e, new Dictionary<string, string>
            {
                ["inspectedOn"] = "inspectedOn", ["department"] = "department", ["place"] = "place", ["method"] = "method",
                ["findings"] = "findings", ["problems"] = "problems", ["personsNamed"] = "personsNamed", ["inspectors"] = "inspectors",
            });
            await DepartmentsAsync(ct);
            return Page();
        }
        TempData["Message"] = "明察暗访记录已保存。";
        return Redirect("/admin/inspections");
    }

    private bool Parse(string id)
    {
        if (id == "new") return true;
        if (!long.TryParse(id, out var n) || n <= 0) return false;
        Id = n;
        return true;
    }

    private async Task DepartmentsAsync(CancellationToken ct) =>
        Departments = [.. (await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name))];
}

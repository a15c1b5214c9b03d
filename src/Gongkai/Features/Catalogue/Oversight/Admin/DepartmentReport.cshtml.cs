using Gongkai.Data;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Oversight.Admin;

/// <summary>
/// One body's columns and its late items. The office and supervisors see any body; an editor or
/// reviewer sees their own department only.
/// </summary>
public sealed class DepartmentReportModel(GongkaiDbContext db, DepartmentScope scope, OversightReport report) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public DepartmentReport Report { get; private set; } = null!;
    public int Limit => report.Limit;
    public DateOnly Today => report.Today;
    public bool ReadsAll => scope.ReadsAll;
    public bool CanEditDuties => User.IsInRole(StaffRoles.OfficeAdmin);
    public bool CanImport => Import.ImportItems.Roles.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(string departmentCode, CancellationToken ct)
    {
        var code = departmentCode.Trim().ToLowerInvariant();
        var id = await db.Departments.Where(d => d.Code == code && d.IsActive).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (id is null) return NotFound();
        if (!scope.CanRead(id)) return Forbid();
        if (Year is < 2000 or > 2100) Year = null;
        Report = (await report.ForDepartmentAsync(id.Value, Year, ct))!;
        return Page();
    }
}

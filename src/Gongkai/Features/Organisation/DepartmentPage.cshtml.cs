using Gongkai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Organisation;

/// <summary>A department's page of 第二十条（二）.</summary>
public sealed class DepartmentPageModel(GongkaiDbContext db) : PageModel
{
    public DepartmentProfile? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var d = await db.Departments.AsNoTracking().Include(x => x.Leaders).Include(x => x.Communities)
            .FirstOrDefaultAsync(x => x.Code == code.ToLowerInvariant() && x.IsActive, ct);
        if (d is null) return NotFound();
        Profile = OrganisationApi.ToProfile(d);
        return Page();
    }
}

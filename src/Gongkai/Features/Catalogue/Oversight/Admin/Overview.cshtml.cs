using Gongkai.Data;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Oversight.Admin;

/// <summary>
/// The office's view of every body: empty and stale columns, late and at-risk items. Office
/// administrators and supervisors; an editor or reviewer is sent to their own department's page.
/// </summary>
public sealed class OverviewModel(GongkaiDbContext db, DepartmentScope scope, OversightReport report) : PageModel
{
    public static readonly (string Key, string Name)[] SortNames =
        [("name", "机构"), ("empty", "空白栏目"), ("stale", "未及时更新栏目"), ("late", "超期发布"), ("atrisk", "已超期未发布")];

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<DepartmentSummary> Rows { get; private set; } = [];
    public int Limit => report.Limit;
    public DateOnly Today => report.Today;
    public bool CanEditDuties => User.IsInRole(StaffRoles.OfficeAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!scope.ReadsAll)
        {
            var code = scope.DepartmentId is { } id ? await db.Departments.Where(d => d.Id == id).Select(d => d.Code).FirstOrDefaultAsync(ct) : null;
            return code is null ? Forbid() : Redirect($"/admin/oversight/{code}");
        }
        if (Year is < 2000 or > 2100) Year = null;
        Sort = SortNames.Any(s => s.Key == Sort) ? Sort : "name";
        var rows = await report.SummariesAsync(Year, ct);
        Func<DepartmentSummary, int> key = Sort switch
        {
            "empty" => r => r.Empty,
            "stale" => r => r.Stale,
            "late" => r => r.Late,
            "atrisk" => r => r.AtRisk,
            _ => r => 0,
        };
        // "name" keeps the department list's own order (government, departments, streets, towns).
        Rows = (Desc ? rows.OrderByDescending(key) : rows.OrderBy(key)).ToList();
        if (Sort == "name" && Desc) Rows.Reverse();
        return Page();
    }

    /// <summary>The link of a column header: the same column again flips the order; numbers start largest first.</summary>
    public string SortLink(string column)
    {
        var desc = column == Sort ? !Desc : column != "name";
        var year = Year is null ? "" : $"&year={Year}";
        return $"?sort={column}&desc={(desc ? "true" : "false")}{year}";
    }

    public string? AriaSort(string column) => column == Sort ? (Desc ? "descending" : "ascending") : null;
}

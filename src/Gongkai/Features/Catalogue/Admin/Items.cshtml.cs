using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>
/// The items a staff member works on: editors and reviewers see their own department's in every
/// state, the office and supervisors everyone's.
/// </summary>
public sealed class ItemsModel(GongkaiDbContext db, DepartmentScope scope) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, string Title, string Department, ItemState State, string? IndexNumber, DateOnly WrittenOn, DateOnly? PublishedOn, int Version);

    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is a route value of every Razor page: the query uses "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool ChoosesDepartment => scope.ReadsAll;
    /// <summary>Supervisors only read.</summary>
    public bool CanCreate => scope.WritesAll || (scope.IsStaff && !scope.ReadsAll && scope.DepartmentId is not null);
    public List<Choice> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = db.Items.AsNoTracking();
        if (!scope.ReadsAll)
        {
            var own = scope.DepartmentId ?? -1;
            items = items.Where(i => i.DepartmentId == own);
        }
        if (Enum.TryParse<ItemState>(State, ignoreCase: true, out var state) && Enum.IsDefined(state)) items = items.Where(i => i.State == state);
        else State = null;
        if (ChoosesDepartment)
        {
            Departments = await ItemChoices.DepartmentsAsync(db, ct);
            if (!string.IsNullOrWhiteSpace(Department))
            {
                var code = Department.Trim().ToLowerInvariant();
                items = items.Where(i => db.Departments.Any(d => d.Id == i.DepartmentId && d.Code == code));
            }
        }
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (Q is not null) items = items.Where(i => i.Title.Contains(Q));

        Total = await items.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await (
            from i in items
            join d in db.Departments on i.DepartmentId equals d.Id
            orderby i.UpdatedAt descending, i.Id descending
            select new Row(i.Id, i.Title, d.Name, i.State, i.IndexNumber, i.WrittenOn, i.PublishedOn, i.Version))
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (State is not null) query.Add("state=" + Uri.EscapeDataString(State));
        if (!string.IsNullOrWhiteSpace(Department)) query.Add("department=" + Uri.EscapeDataString(Department));
        if (Q is not null) query.Add("q=" + Uri.EscapeDataString(Q));
        query.Add($"p={page}");
        return "/admin/items?" + string.Join('&', query);
    }
}

using Gongkai.Data;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Catalogue.Admin;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>/opinions/published (民生民意): the questions and answers published with the writer's consent, without personal data.</summary>
public sealed class PublishedModel(GongkaiDbContext db, CaseQueries queries) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    // "page" is a route value of every Razor page: the query uses "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PublishedPage Result { get; private set; } = new(0, 1, PageSize, []);
    public List<Choice> Departments { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Department);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = await ItemChoices.DepartmentsAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(Department) && Departments.All(d => !string.Equals(d.Value, Department.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            Errors.Add("department", "请从列表中选择部门");
            Department = null;
        }
        if (Q is { Length: > 100 }) Q = Q[..100];
        PageNumber = Math.Max(1, PageNumber);
        try
        {
            Result = await queries.PublishedAsync(Q, Department, PageNumber, PageSize, ct);
            if (Result.Items.Count == 0 && Result.Total > 0)
            {
                PageNumber = Pages;
                Result = await queries.PublishedAsync(Q, Department, PageNumber, PageSize, ct);
            }
        }
        catch (InputException e)
        {
            Errors.Show(e, new Dictionary<string, string>());
        }
    }

    public string PageLink(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) query.Add("q=" + Uri.EscapeDataString(Q));
        if (!string.IsNullOrWhiteSpace(Department)) query.Add("department=" + Uri.EscapeDataString(Department));
        query.Add($"p={page}");
        return "/opinions/published?" + string.Join('&', query);
    }
}

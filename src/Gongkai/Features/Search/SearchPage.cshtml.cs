using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Search;

/// <summary>The citizens' search page (works without JavaScript).</summary>
public sealed class SearchPageModel(SearchIndex index) : PageModel
{
    public string? Q { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public SearchResult? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet(string? q, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "p")] string? p)
    {
        Q = q;
        if (q is null) return;
        var errors = new Dictionary<string, string[]>();
        var query = ItemsSearchApi.Parse(q, null, null, null, null, null, null, p, "20", errors);
        if (query is null)
        {
            Error = string.Join("；", errors.Values.SelectMany(v => v));
            return;
        }
        PageNumber = query.Page;
        Result = index.Search(query);
    }
}

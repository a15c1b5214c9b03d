using Gongkai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Catalogue.AnnualReports;

/// <summary>The 年报 column: published 政府信息公开工作年度报告 by year and body (《条例》第四十九条、第五十条).</summary>
public sealed class AnnualReportsModel(GongkaiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AnnualReportColumn.Listing Listing { get; private set; } = new([], 0, 1, 1, [], []);
    public bool Filtered => Year is not null || !string.IsNullOrWhiteSpace(Department);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Listing = await AnnualReportColumn.ListAsync(db, Year, Department, PageNumber, ct);
        PageNumber = Listing.Page;
    }

    public string PageLink(int page) => AnnualReportColumn.Url(Department, Year, page);
}

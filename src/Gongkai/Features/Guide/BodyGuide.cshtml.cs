using Gongkai.Data;
using Gongkai.Features.Catalogue;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Guide;

/// <summary>One body's 政府信息公开指南 (《条例》第十二条), with a print view.</summary>
public sealed class BodyGuideModel(
    GongkaiDbContext db, IOptions<CatalogueOptions> catalogue, IOptions<GongkaiOptions> options, TimeProvider clock) : PageModel
{
    public GuideContent? Guide { get; private set; }
    public DateOnly Today { get; private set; }
    public bool PrintView { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? view, CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Guide = await GuideContent.LoadAsync(db, code, catalogue.Value.IndexNumberTemplate, options.Value.PublicBaseUrl, Today, ct);
        if (Guide is null) return NotFound();
        PrintView = view == "print";
        return Page();
    }
}

using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue;

/// <summary>The public page of one published item.</summary>
public sealed class ItemPageModel(GongkaiDbContext db, IOptions<GongkaiOptions> options, ViewCounter views) : PageModel
{
    public sealed record Link(long Id, string Title);

    public ItemDetail? Item { get; private set; }
    public List<Link> Interpretations { get; private set; } = [];
    public List<Link> Related { get; private set; } = [];
    public Link? Interpreted { get; private set; }
    public string PageUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public string BodyClass { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, string? font, string? view, CancellationToken ct)
    {
        Item = await ItemQueries.DetailAsync(db, id, ct);
        if (Item is null || Item.State != nameof(ItemState.Published)) return NotFound();
        views.Count(id);
        Item = Item with { ViewCount = Item.ViewCount + views.Pending(id) };

        Interpretations = await Published().Where(i => i.InterpretsItemId == id).Select(i => new Link(i.Id, i.Title)).ToListAsync(ct);
        if (Item.InterpretsItemId is { } policy)
            Interpreted = await Published().Where(i => i.Id == policy).Select(i => new Link(i.Id, i.Title)).FirstOrDefaultAsync(ct);
        var relatedIds = await db.ItemRelations.Where(r => r.ItemId == id).Select(r => r.RelatedItemId)
            .Concat(db.ItemRelations.Where(r => r.RelatedItemId == id).Select(r => r.ItemId)).ToListAsync(ct);
        Related = await Published().Where(i => relatedIds.Contains(i.Id)).Select(i => new Link(i.Id, i.Title)).ToListAsync(ct);

        PageUrl = options.Value.PublicBaseUrl.TrimEnd('/') + ItemQueries.Url(id);
        QrDataUri = QrCodes.SvgDataUri(PageUrl);
        BodyClass = string.Join(' ', new[]
        {
            font switch { "large" => "font-large", "small" => "font-small", _ => "" },
            view == "print" ? "print-view" : "",
        }.Where(c => c.Length > 0));
        return Page();
    }

    private IQueryable<DisclosureItem> Published() => db.Items.AsNoTracking().Where(i => i.State == ItemState.Published);
}

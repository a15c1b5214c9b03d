using System.Text;
using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Gongkai.Features.Catalogue;

/// <summary>The public page of one published item.</summary>
public sealed class ItemPageModel(GongkaiDbContext db, IOptions<GongkaiOptions> options) : PageModel
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
        // Count the view first (a single UPDATE, no tracking, no audit, no change log).
        var counted = await db.Items.Where(i => i.Id == id && i.State == ItemState.Published)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ViewCount, i => i.ViewCount + 1), ct);
        if (counted == 0) return NotFound();
        Item = await ItemQueries.DetailAsync(db, id, ct);
        if (Item is null) return NotFound();

        Interpretations = await Published().Where(i => i.InterpretsItemId == id).Select(i => new Link(i.Id, i.Title)).ToListAsync(ct);
        if (Item.InterpretsItemId is { } policy)
            Interpreted = await Published().Where(i => i.Id == policy).Select(i => new Link(i.Id, i.Title)).FirstOrDefaultAsync(ct);
        var relatedIds = await db.ItemRelations.Where(r => r.ItemId == id).Select(r => r.RelatedItemId)
            .Concat(db.ItemRelations.Where(r => r.RelatedItemId == id).Select(r => r.ItemId)).ToListAsync(ct);
        Related = await Published().Where(i => relatedIds.Contains(i.Id)).Select(i => new Link(i.Id, i.Title)).ToListAsync(ct);

        PageUrl = options.Value.PublicBaseUrl.TrimEnd('/') + ItemQueries.Url(id);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PageUrl, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(3)));
        BodyClass = string.Join(' ', new[]
        {
            font switch { "large" => "font-large", "small" => "font-small", _ => "" },
            view == "print" ? "print-view" : "",
        }.Where(c => c.Length > 0));
        return Page();
    }

    private IQueryable<DisclosureItem> Published() => db.Items.AsNoTracking().Where(i => i.State == ItemState.Published);
}

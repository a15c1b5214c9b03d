using System.Text;
using System.Xml;
using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>
/// /sitemap.xml (sitemaps.org 0.9) and /robots.txt. A district with more published items than one
/// sitemap may hold (50,000 URLs) gets a sitemap index instead: /sitemaps/pages.xml plus
/// /sitemaps/items-1.xml, items-2.xml … each streamed from the database in id order.
/// </summary>
public static class Sitemap
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ContentType = "application/xml; charset=utf-8";

    public static void MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", Root).WithTags("订阅与导出").WithSummary("站点地图（条目过多时为站点地图索引）");
        app.MapGet("/sitemaps/pages.xml", Pages).ExcludeFromDescription();
        app.MapGet("/sitemaps/items-{part:int}.xml", Items).ExcludeFromDescription();
    }

    private static ContentHttpResult Robots(PublicUrls urls) => TypedResults.Text(
        $"""
        User-agent: *
        Disallow: /admin
        Disallow: /account
        Disallow: /search
        Disallow: /api/
        Allow: /api/catalogue/
        Sitemap: {urls.Absolute("/sitemap.xml")}

        """, "text/plain", Encoding.UTF8);

    private static async Task<PushStreamHttpResult> Root(GongkaiDbContext db, PublicUrls urls, IOptions<FeedsOptions> options, HttpContext http)
    {
        var ct = http.RequestAborted;
        var max = Math.Clamp(options.Value.SitemapMaxUrls, 10, 50_000);
        var pages = await PageUrlsAsync(db, ct);
        var items = await PublishedItems.Matching(db, new ItemFilter()).LongCountAsync(ct);
        if (pages.Count + items <= max)
            return Stream(async x =>
            {
                await WriteUrlsAsync(x, pages, urls);
                await WriteItemsAsync(x, db, urls, options.Value.BatchSize, 0, long.MaxValue, ct);
            });

        var parts = (items + max - 1) / max;
        return TypedResults.Stream(async stream =>
        {
            await using var x = XmlWriter.Create(stream, Settings);
            await x.WriteStartDocumentAsync();
            await x.WriteStartElementAsync(null, "sitemapindex", Namespace);
            await IndexEntryAsync(x, urls.Absolute("/sitemaps/pages.xml"));
            for (var n = 1; n <= parts; n++) await IndexEntryAsync(x, urls.Absolute($"/sitemaps/items-{n}.xml"));
            await x.WriteEndDocumentAsync();
        }, ContentType);
    }

    private static async Task<PushStreamHttpResult> Pages(GongkaiDbContext db, PublicUrls urls, HttpContext http)
    {
        var pages = await PageUrlsAsync(db, http.RequestAborted);
        return Stream(x => WriteUrlsAsync(x, pages, urls));
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> Items(
        int part, GongkaiDbContext db, PublicUrls urls, IOptions<FeedsOptions> options, HttpContext http)
    {
        var ct = http.RequestAborted;
        var max = Math.Clamp(options.Value.SitemapMaxUrls, 10, 50_000);
        if (part < 1) return TypedResults.NotFound();
        // The part starts after the last id of the parts before it: one skip over ids (cheap next to
        // writing 50,000 URLs), then keyset paging.
        var skip = (long)(part - 1) * max;
        var ids = PublishedItems.Matching(db, new ItemFilter(), walkPrimaryKey: true).OrderBy(i => i.Id).Select(i => i.Id);
        var after = skip == 0 ? 0 : await ids.Skip((int)Math.Min(skip - 1, int.MaxValue)).FirstOrDefaultAsync(ct);
        if (skip > 0 && after == 0) return TypedResults.NotFound();
        if (!await ids.AnyAsync(i => i > after, ct)) return TypedResults.NotFound();
        return Stream(x => WriteItemsAsync(x, db, urls, options.Value.BatchSize, after, max, ct));
    }

    private static readonly XmlWriterSettings Settings = new() { Async = true, Encoding = new UTF8Encoding(false) };

    /// <summary>A urlset streamed straight to the response: the writer flushes after every batch of rows.</summary>
    private static PushStreamHttpResult Stream(Func<XmlWriter, Task> body) => TypedResults.Stream(async stream =>
    {
        await using var x = XmlWriter.Create(stream, Settings);
        await x.WriteStartDocumentAsync();
        await x.WriteStartElementAsync(null, "urlset", Namespace);
        await body(x);
        await x.WriteEndDocumentAsync();
    }, ContentType);

    private static async Task IndexEntryAsync(XmlWriter x, string loc)
    {
        await x.WriteStartElementAsync(null, "sitemap", Namespace);
        await x.WriteElementStringAsync(null, "loc", Namespace, loc);
        await x.WriteEndElementAsync();
    }

    private static async Task WriteUrlsAsync(XmlWriter x, List<string> paths, PublicUrls urls)
    {
        foreach (var path in paths)
        {
            await x.WriteStartElementAsync(null, "url", Namespace);
            await x.WriteElementStringAsync(null, "loc", Namespace, urls.Absolute(path));
            await x.WriteEndElementAsync();
        }
    }

    private static async Task WriteItemsAsync(XmlWriter x, GongkaiDbContext db, PublicUrls urls, int batchSize, long afterId, long limit, CancellationToken ct)
    {
        await foreach (var batch in PublishedItems.BatchesAsync(db, new ItemFilter(), Math.Max(1, batchSize), ct, afterId, limit))
        {
            foreach (var e in batch)
            {
                await x.WriteStartElementAsync(null, "url", Namespace);
                await x.WriteElementStringAsync(null, "loc", Namespace, urls.Item(e.Id));
                // A revision or a change of 有效性 changes the page: the later of publication and last change.
                var changed = ChinaTime.DateOf(e.UpdatedAt);
                await x.WriteElementStringAsync(null, "lastmod", Namespace, FeedFormat.Date(changed > e.PublishedOn ? changed : e.PublishedOn));
                await x.WriteEndElementAsync();
            }
            await x.FlushAsync();
        }
    }

    /// <summary>The portal's public pages other than items: home, the catalogue, the annual reports, bodies and their guides.</summary>
    private static async Task<List<string>> PageUrlsAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var codes = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => d.Code).ToListAsync(ct);
        List<string> pages = ["/", "/items", AnnualReports.AnnualReportColumn.Path, "/departments", "/guide"];
        pages.AddRange(codes.Select(c => $"/departments/{c}"));
        pages.AddRange(codes.Select(c => $"/guide/{c}"));
        return pages;
    }
}

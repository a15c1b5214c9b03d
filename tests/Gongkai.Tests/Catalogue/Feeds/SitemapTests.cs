using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Catalogue.Feeds;

public sealed partial class SitemapTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    internal static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex W3cDate();

    [Fact]
    public async Task The_sitemap_lists_the_public_pages_and_every_published_item_but_no_draft_or_withdrawn_item()
    {
        var published = await FeedsTestKit.PublishAsync(app, "站点地图应当收录的信息");
        var withdrawn = await FeedsTestKit.PublishAsync(app, "发布后又撤回的信息");
        using (var editor = await app.ApiAs("xinxiyuan"))
            Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/items/{withdrawn}/withdraw", new { reason = "测试撤回" })).StatusCode);
        var draft = await FeedsTestKit.DraftAsync(app, "站点地图不应收录的草稿");

        using var anon = app.Anonymous();
        var response = await anon.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sm + "urlset", doc.Root!.Name);
        var urls = doc.Root.Elements(Sm + "url").ToList();
        var locs = urls.Select(u => u.Element(Sm + "loc")!.Value).ToList();
        Assert.Equal(locs.Count, locs.Distinct().Count());

        var b = FeedsTestKit.BaseUrl(app);
        foreach (var page in new[] { "/", "/items", "/annual-reports", "/departments", "/guide", "/departments/jyj", "/guide/jyj", "/guide/gov" })
            Assert.Contains(b + page, locs);
        var itemUrls = locs.Where(l => l.StartsWith(b + "/items/", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(FeedsTestKit.PublishedIds(app).Select(id => $"{b}/items/{id}").ToHashSet(), itemUrls);
        Assert.Contains($"{b}/items/{published}", itemUrls);
        Assert.DoesNotContain($"{b}/items/{withdrawn}", itemUrls);
        Assert.DoesNotContain($"{b}/items/{draft}", itemUrls);
        Assert.All(urls.Where(u => u.Element(Sm + "loc")!.Value.StartsWith(b + "/items/", StringComparison.Ordinal)),
            u => Assert.Matches(W3cDate(), u.Element(Sm + "lastmod")!.Value));
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_back_office()
    {
        using var anon = app.Anonymous();
        var response = await anon.GetAsync("/robots.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains($"Sitemap: {FeedsTestKit.BaseUrl(app)}/sitemap.xml", lines);
        Assert.Contains("Disallow: /admin", lines);
    }
}

public sealed class SitemapIndexTests(SmallBatchesFactory app) : IClassFixture<SmallBatchesFactory>
{
    [Fact]
    public async Task Past_the_url_limit_the_sitemap_becomes_an_index_whose_parts_cover_every_item_once()
    {
        for (var i = 0; i < 7; i++) await FeedsTestKit.PublishAsync(app, $"站点地图分卷测试 {i}");
        var b = FeedsTestKit.BaseUrl(app);
        using var anon = app.Anonymous();
        var index = XDocument.Parse(await anon.GetStringAsync("/sitemap.xml"));
        Assert.Equal(SitemapTests.Sm + "sitemapindex", index.Root!.Name);
        var parts = index.Root.Elements(SitemapTests.Sm + "sitemap").Select(s => s.Element(SitemapTests.Sm + "loc")!.Value).ToList();
        var ids = FeedsTestKit.PublishedIds(app);
        Assert.Equal(b + "/sitemaps/pages.xml", parts[0]);
        Assert.Equal((ids.Count + 9) / 10, parts.Count - 1); // at most 10 URLs per part (the test setting)

        var itemLocs = new List<string>();
        foreach (var part in parts.Skip(1))
        {
            var urlset = XDocument.Parse(await anon.GetStringAsync(part[b.Length..]));
            var locs = urlset.Root!.Elements(SitemapTests.Sm + "url").Select(u => u.Element(SitemapTests.Sm + "loc")!.Value).ToList();
            Assert.InRange(locs.Count, 1, 10);
            itemLocs.AddRange(locs);
        }
        Assert.Equal(ids.Select(id => $"{b}/items/{id}"), itemLocs); // every item once, in id order
        var pages = XDocument.Parse(await anon.GetStringAsync("/sitemaps/pages.xml"));
        Assert.Contains(pages.Root!.Elements(SitemapTests.Sm + "url"), u => u.Element(SitemapTests.Sm + "loc")!.Value == b + "/guide/jyj");
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/sitemaps/items-{parts.Count}.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/sitemaps/items-0.xml")).StatusCode);
    }
}

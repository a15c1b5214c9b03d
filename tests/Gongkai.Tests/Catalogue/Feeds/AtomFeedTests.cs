using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Gongkai.Domain.Publishing;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Catalogue.Feeds;

public sealed class AtomFeedTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> FeedAsync(string path)
    {
        using var anon = app.Anonymous();
        var response = await anon.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        return feed;
    }

    private static long EntryId(XElement entry) =>
        long.Parse(entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value.Split('/')[^1], CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_portal_feed_lists_the_published_items_newest_first_with_every_required_element()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(5)); // later than the demo items, which were published at start-up
        // An ampersand, angle brackets and a vertical tab (pasted from Word; not allowed in XML 1.0).
        var id = await FeedsTestKit.PublishAsync(app, "关于“A&B”<试点>的\u000B通知", summary: "概述 & <说明>");
        var draft = await FeedsTestKit.DraftAsync(app, "尚未发布的草稿不应出现在订阅中");

        var feed = await FeedAsync("/feeds/items.atom");
        var root = feed.Root!;
        var baseUrl = FeedsTestKit.BaseUrl(app);
        Assert.Equal($"{baseUrl}/feeds/items.atom", root.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "title")!.Value));
        Assert.NotNull(root.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "self"));
        DateTimeOffset.Parse(root.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture);

        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(FeedsTestKit.PublishedIds(app).Count, entries.Count); // fewer than 50: all of them
        var first = entries[0];
        Assert.Equal(id, EntryId(first));
        Assert.Equal("关于“A&B”<试点>的通知", first.Element(Atom + "title")!.Value);
        Assert.Equal($"{baseUrl}/items/{id}", first.Element(Atom + "id")!.Value);
        Assert.Equal("概述 & <说明>", first.Element(Atom + "summary")!.Value);
        Assert.Equal("区教育局", first.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        var updated = DateTimeOffset.Parse(first.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture);
        var publishedAt = app.Db(db => db.Items.Single(i => i.Id == id).PublishedAt!.Value);
        Assert.Equal(DateTime.SpecifyKind(publishedAt, DateTimeKind.Utc), updated.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.All(entries, e =>
        {
            foreach (var name in new[] { "id", "title", "updated", "author", "link" }) Assert.NotNull(e.Element(Atom + name));
        });
        Assert.DoesNotContain(entries, e => EntryId(e) == draft);
        var times = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task A_column_feed_includes_its_sub_columns_and_nothing_else()
    {
        var inA20 = await FeedsTestKit.PublishAsync(app, "第二十条栏目下的测试信息", category: "a20-05");
        var inJc = await FeedsTestKit.PublishAsync(app, "基层目录下的测试信息", category: "jc-ywjy");

        var a20 = (await FeedAsync("/feeds/categories/a20.atom")).Root!.Elements(Atom + "entry").Select(EntryId).ToHashSet();
        var expected = app.Db(db => (
            from i in db.Items
            join c in db.Categories on i.CategoryId equals c.Id
            join p in db.Categories on c.ParentId equals p.Id
            where i.State == ItemState.Published && p.Code == "a20"
            select i.Id).ToHashSet());
        Assert.True(expected.Count >= 5, "the demo district publishes in several columns of 第二十条");
        Assert.Equal(expected, a20);
        Assert.Contains(inA20, a20);
        Assert.DoesNotContain(inJc, a20);

        var leaf = (await FeedAsync("/feeds/categories/a20-05.atom")).Root!.Elements(Atom + "entry").ToList();
        Assert.Contains(leaf, e => EntryId(e) == inA20);
        Assert.All(leaf, e => Assert.Equal("a20-05", e.Element(Atom + "category")!.Attribute("term")!.Value));
    }

    [Fact]
    public async Task A_department_feed_holds_only_that_departments_items()
    {
        var feed = await FeedAsync("/feeds/departments/minzj.atom");
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("区民政局", e.Element(Atom + "author")!.Element(Atom + "name")!.Value));
        var minzj = app.Db(db => db.Items.Count(i => i.State == ItemState.Published && i.DepartmentId == db.Departments.Single(d => d.Code == "minzj").Id));
        Assert.Equal(minzj, entries.Count);
    }

    [Theory]
    [InlineData("/feeds/categories/no-such-column.atom")]
    [InlineData("/feeds/departments/no-such-body.atom")]
    public async Task An_unknown_code_is_404(string path)
    {
        using var anon = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync(path)).StatusCode);
    }
}

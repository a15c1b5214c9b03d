using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Features.Catalogue;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalogue;

/// <summary>The in-memory cache of public item pages: hits, live view counts, and eviction when anything on the page changes.</summary>
public sealed class ItemPageCacheTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private static object Draft(string title, long? interprets = null) => new
    {
        title, department = "jyj", writtenOn = "2026-03-02", category = "a20-01", body = $"<p>{title}正文。</p>",
        kind = interprets is null ? "Ordinary" : "Interpretation", interpretsItemId = interprets,
    };

    private async Task<long> PublishAsync(object draft)
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var created = await editor.PostAsJsonAsync("/api/items", draft);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/items/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        await FollowerCaughtUpAsync();
        return id;
    }

    /// <summary>
    /// A page rendered before the follower has seen the item's own publication is evicted once it
    /// does (harmless: one more render); waiting for it makes the hits below deterministic.
    /// </summary>
    private async Task FollowerCaughtUpAsync()
    {
        var latest = app.Db(db => db.ChangeLog.Max(c => c.Id));
        var cache = app.Services.GetRequiredService<ItemPageCache>();
        for (var attempt = 0; cache.FollowedChange < latest; attempt++)
        {
            Assert.True(attempt < 200, "the item page cache did not follow the change log within 20 s");
            await Task.Delay(100);
        }
    }

    private static string? CacheHeader(HttpResponseMessage r) => r.Headers.TryGetValues("X-Cache", out var v) ? v.Single() : null;

    /// <summary>The follower polls the change log twice a second; give it a few seconds on a busy machine.</summary>
    private static async Task<string> EventuallyAsync(HttpClient client, string url, Func<HttpResponseMessage, string, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(url);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (done(response, body)) return body;
            Assert.True(attempt < 100, $"{url} did not change within 10 s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_warm_page_is_served_from_memory_with_a_live_view_count()
    {
        var id = await PublishAsync(Draft("缓存命中测试"));
        using var anon = app.Anonymous();
        var first = await anon.GetAsync($"/items/{id}");
        Assert.Equal("MISS", CacheHeader(first));
        Assert.Contains("<td data-view-count>1</td>", await first.Content.ReadAsStringAsync());
        for (var expected = 2; expected <= 4; expected++)
        {
            var hit = await anon.GetAsync($"/items/{id}");
            Assert.Equal("HIT", CacheHeader(hit));
            Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
            var html = await hit.Content.ReadAsStringAsync();
            Assert.Equal(hit.Content.Headers.ContentLength, System.Text.Encoding.UTF8.GetByteCount(html));
            Assert.Contains($"<td data-view-count>{expected}</td>", html);
            Assert.Contains("default-src 'self'", hit.Headers.GetValues("Content-Security-Policy").Single());
            Assert.StartsWith("text/html", hit.Content.Headers.ContentType!.ToString());
        }
        // Each variant the page links to is cached on its own; other queries are always rendered.
        Assert.Equal("MISS", CacheHeader(await anon.GetAsync($"/items/{id}?font=large")));
        var large = await anon.GetAsync($"/items/{id}?font=large");
        Assert.Equal("HIT", CacheHeader(large));
        Assert.Contains("font-large", await large.Content.ReadAsStringAsync());
        Assert.Null(CacheHeader(await anon.GetAsync($"/items/{id}?x=1")));
        Assert.Null(CacheHeader(await anon.GetAsync($"/items/{id}?font=huge")));
    }

    [Fact]
    public async Task Signed_in_staff_always_get_a_fresh_page()
    {
        var id = await PublishAsync(Draft("员工不走缓存"));
        using var anon = app.Anonymous();
        await anon.GetAsync($"/items/{id}");
        Assert.Equal("HIT", CacheHeader(await anon.GetAsync($"/items/{id}")));
        using var staff = await app.SignedInAsync("xinxiyuan");
        var page = await staff.GetAsync($"/items/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(CacheHeader(page));
    }

    [Fact]
    public async Task A_revision_a_withdrawal_and_a_new_interpretation_reach_the_cached_pages()
    {
        var id = await PublishAsync(Draft("缓存修订前"));
        using var anon = app.Anonymous();
        await anon.GetAsync($"/items/{id}");
        Assert.Equal("HIT", CacheHeader(await anon.GetAsync($"/items/{id}")));

        using var editor = await app.ApiAs("xinxiyuan");
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/items/{id}", Draft("缓存修订后"))).StatusCode);
        await EventuallyAsync(anon, $"/items/{id}", (_, html) => html.Contains("缓存修订后", StringComparison.Ordinal));

        // Publishing an interpretation changes its policy's page (the page lists it).
        await FollowerCaughtUpAsync();
        await anon.GetAsync($"/items/{id}");
        Assert.Equal("HIT", CacheHeader(await anon.GetAsync($"/items/{id}")));
        var interpretation = await PublishAsync(Draft("缓存政策解读", interprets: id));
        await EventuallyAsync(anon, $"/items/{id}", (_, html) => html.Contains("缓存政策解读", StringComparison.Ordinal));

        var withdrawn = await editor.PostAsJsonAsync($"/api/items/{id}/withdraw", new { reason = "内容已过时" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        await EventuallyAsync(anon, $"/items/{id}", (r, _) => r.StatusCode == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync($"/items/{interpretation}")).StatusCode);
    }
}

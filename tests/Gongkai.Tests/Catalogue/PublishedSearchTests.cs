using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Features.Search;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Catalogue;

/// <summary>From publication to the citizen's search, through the change log.</summary>
public sealed class PublishedSearchTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private Task<int> CatchUp() => app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(default);

    [Fact]
    public async Task A_published_item_is_found_by_a_two_character_query_and_a_withdrawn_one_disappears()
    {
        using var editor = await app.ApiAs("minzheng");
        using var reviewer = await app.ApiAs("admin");
        var created = await editor.PostAsJsonAsync("/api/items", new
        {
            title = "关于做好2026年冬季困难群众救助工作的通知", department = "minzj", writtenOn = "2026-11-20", category = "a20-11",
            body = "<p>各街道要做好临时救助和拆迁安置家庭的帮扶。</p>", documentNumber = "明民发〔2026〕19号",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await editor.PostAsync($"/api/items/{id}/submit", null);
        await CatchUp();
        using var anon = app.Anonymous();
        Assert.Equal(0, (await anon.GetFromJsonAsync<JsonElement>("/api/items?q=拆迁")).GetProperty("total").GetInt64()); // not yet public

        var approved = await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { });
        var indexNumber = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indexNumber").GetString();
        await CatchUp();

        var found = await anon.GetFromJsonAsync<JsonElement>("/api/items?q=拆迁");
        Assert.Equal(1, found.GetProperty("total").GetInt64());
        var hit = found.GetProperty("items")[0];
        Assert.Equal(id, hit.GetProperty("id").GetInt64());
        Assert.Equal(indexNumber, hit.GetProperty("indexNumber").GetString());
        Assert.Equal("区民政局", hit.GetProperty("department").GetString());
        Assert.Equal($"/items/{id}", hit.GetProperty("url").GetString());
        Assert.Contains("<mark>拆迁</mark>", hit.GetProperty("snippet").GetString());

        Assert.Equal(1, (await anon.GetFromJsonAsync<JsonElement>("/api/items?q=明民发〔2026〕19号")).GetProperty("total").GetInt64());
        Assert.True((await anon.GetFromJsonAsync<JsonElement>("/api/items?department=minzj")).GetProperty("total").GetInt64() >= 2); // with the demo item
        var page = await anon.GetStringAsync("/search?q=救助");
        Assert.Contains("冬季困难群众<mark>救助</mark>", page[page.IndexOf("<main", StringComparison.Ordinal)..]);

        await editor.PostAsJsonAsync($"/api/items/{id}/withdraw", new { reason = "重复发布" });
        await CatchUp();
        Assert.Equal(0, (await anon.GetFromJsonAsync<JsonElement>("/api/items?q=拆迁")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Bad_list_parameters_are_a_400_naming_each_field_and_hostile_queries_never_fail()
    {
        using var anon = app.Anonymous();
        var bad = await anon.GetAsync("/api/items?page=0&pageSize=1000&year=abc&sort=x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var f in new[] { "page", "pageSize", "year", "sort" }) Assert.True(errors.TryGetProperty(f, out _), f);
        foreach (var q in new[] { "AND(", "\"", "*?", "\\", new string('低', 5000), "😀" })
            Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/api/items?q=" + Uri.EscapeDataString(q))).StatusCode);
    }

    [Fact]
    public async Task A_lost_index_is_rebuilt_from_the_database()
    {
        await CatchUp();
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        var before = indexer.Index.Count;
        Assert.True(before >= 6); // the demo items
        var rebuilt = await indexer.RebuildAsync(default);
        Assert.Equal(before, rebuilt);
        Assert.Equal(before, indexer.Index.Count);
        using var anon = app.Anonymous();
        Assert.True((await anon.GetFromJsonAsync<JsonElement>("/api/items?q=低保")).GetProperty("total").GetInt64() >= 1);

        // Read two items at a time, the rebuild crosses batches and still gets every item once.
        using var fresh = SearchIndex.InMemory();
        using var small = new SearchIndexer(fresh, app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<ILogger<SearchIndexer>>()) { Batch = 2 };
        Assert.Equal(before, await small.RebuildAsync(default));
        Assert.Equal(before, fresh.Count);
        Assert.Equal(indexer.Index.Search(new SearchQuery("通知", null, null, null, null, null)).Total,
            fresh.Search(new SearchQuery("通知", null, null, null, null, null)).Total);
    }
}

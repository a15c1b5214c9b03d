using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalogue;

public sealed class ItemPageTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private async Task<long> PublishAsync(object draft)
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var created = await editor.PostAsJsonAsync("/api/items", draft);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await editor.PostAsync($"/api/items/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        return id;
    }

    [Fact]
    public async Task The_item_page_shows_metadata_counts_views_and_offers_font_sizes_print_and_a_qr_code()
    {
        var id = await PublishAsync(new
        {
            title = "明湖区教育局关于规范校外培训的通知", department = "jyj", writtenOn = "2026-03-02", category = "a20-01",
            documentNumber = "明教发〔2026〕11号", theme = "t11-02", keywords = "校外培训", summary = "规范校外培训机构",
            body = "<p>各校外培训机构应当依法办学。</p><script>alert(1)</script>", kind = "NormativeDocument",
        });
        using var anon = app.Anonymous();
        var html = WebUtility.HtmlDecode(await anon.GetStringAsync($"/items/{id}"));
        foreach (var text in new[] { "索引号", "明教发〔2026〕11号", "2026-03-02", "区教育局", "主动公开", "有效", "校外培训", "规范校外培训机构", "各校外培训机构应当依法办学" })
            Assert.Contains(text, html);
        Assert.DoesNotContain("<script>alert(1)</script>", html); // the body was sanitized
        Assert.Contains("data:image/svg+xml;base64,", html);
        Assert.Contains("?font=large", html);
        Assert.Contains("?view=print", html);

        var second = await anon.GetStringAsync($"/items/{id}");
        Assert.Contains("访问量</th><td data-view-count>2</td>", second); // counted in memory, shown at once
        await using (var scope = app.Scope())
        {
            var counter = scope.ServiceProvider.GetRequiredService<Gongkai.Features.Catalogue.ViewCounter>();
            await counter.FlushAsync(scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>(), default);
        }
        Assert.Equal(2, app.Db(db => db.Items.Single(i => i.Id == id).ViewCount));
        Assert.Contains("class=\"font-large\"", await anon.GetStringAsync($"/items/{id}?font=large"));
        Assert.Contains("print-view", await anon.GetStringAsync($"/items/{id}?view=print"));
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/items/999999")).StatusCode);
    }

    [Fact]
    public async Task A_policy_and_its_interpretation_each_show_the_other()
    {
        var policy = await PublishAsync(new { title = "明湖区学前教育资助办法", department = "jyj", writtenOn = "2026-03-01", category = "a20-01", body = "<p>资助办法全文。</p>", kind = "NormativeDocument" });
        var interpretation = await PublishAsync(new { title = "《明湖区学前教育资助办法》政策解读", department = "jyj", writtenOn = "2026-03-03", category = "a20-01", body = "<p>解读。</p>", kind = "Interpretation", interpretsItemId = policy });
        using var anon = app.Anonymous();
        var policyPage = await anon.GetStringAsync($"/items/{policy}");
        Assert.Contains($"/items/{interpretation}", policyPage);
        Assert.Contains("政策解读", policyPage);
        var interpretationPage = await anon.GetStringAsync($"/items/{interpretation}");
        Assert.Contains($"/items/{policy}", interpretationPage);
        Assert.Contains("解读的政策文件", interpretationPage);
        var api = await anon.GetFromJsonAsync<JsonElement>($"/api/items/{policy}");
        Assert.Contains(interpretation, api.GetProperty("interpretedBy").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public async Task The_catalogue_lists_published_items_by_column_department_and_year()
    {
        using var anon = app.Anonymous();
        var all = await anon.GetStringAsync("/items");
        Assert.Contains("明湖区关于调整城乡居民最低生活保障标准的通知", all); // demo item
        var column = await anon.GetStringAsync("/items?category=a20-07");
        Assert.Contains("明湖区2025年区级财政决算", column);
        Assert.DoesNotContain("最低生活保障标准", column);
        var department = await anon.GetStringAsync("/items?department=minzj");
        Assert.Contains("最低生活保障标准", department);
        Assert.Contains("区民政局", department); // the 发布机构 column
        Assert.DoesNotContain("区级财政决算", department);
        Assert.Matches(@"共 [1-9]\d* 条，第 1 / 1 页", department);
        Assert.Contains("没有符合条件的信息", await anon.GetStringAsync("/items?department=minzj&category=a20-07"));
        Assert.Contains("没有符合条件的信息", await anon.GetStringAsync("/items?department=no-such-unit&p=3"));
        Assert.Contains("没有符合条件的信息", await anon.GetStringAsync("/items?category=no-such-column"));
        var nextYear = DateTime.UtcNow.Year + 1;
        Assert.Contains("没有符合条件的信息", await anon.GetStringAsync($"/items?year={nextYear}"));
        var home = await anon.GetStringAsync("/");
        Assert.Contains("最新公开", home);
    }
}

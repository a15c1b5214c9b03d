using Gongkai.Tests.Catalogue.Feeds;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Catalogue;

/// <summary>The public list stops counting at Gongkai:Catalogue:ListCountCap (20 here, the least a cap can be: one page).</summary>
public sealed class CatalogueListTests(SmallBatchesFactory app) : IClassFixture<SmallBatchesFactory>
{
    [Fact]
    public async Task A_list_longer_than_the_cap_says_so_and_pages_up_to_it()
    {
        // The demo district's items plus enough new ones to pass the cap of 20.
        for (var i = 0; i < 21; i++) await FeedsTestKit.PublishAsync(app, $"计数上限测试第{i}号通知");
        using var anon = app.Anonymous();

        var first = await anon.GetStringAsync("/items");
        Assert.Equal("共 20 条以上，第 1 / 1+ 页", Caption(first));
        Assert.Contains("计数上限测试第20号通知", first); // newest first
        Assert.Contains("仅列出最新的 20 条", first);
        Assert.Contains("/api/catalogue/items.csv", first);

        // A filter that matches fewer is counted exactly, with no hint.
        var narrow = await anon.GetStringAsync("/items?category=a20-07");
        Assert.Matches(@"^共 [1-9]\d? 条，第 1 / 1 页$", Caption(narrow));
        Assert.DoesNotContain("仅列出最新的", narrow);
    }

    private static string Caption(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<caption>(.*?)</caption>").Groups[1].Value);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gongkai.Features.Catalogue;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalogue;

/// <summary>The 年报 column (/annual-reports): published items of the annual-report column by year and body.</summary>
public sealed partial class AnnualReportsPageTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private async Task<string> PageAsync(string path)
    {
        using var anon = app.Anonymous();
        var response = await anon.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Drafts an item through the staff API as the office administrator; published unless told otherwise.</summary>
    private async Task<long> ItemAsync(string title, string department, string writtenOn, string category = "nb", bool publish = true)
    {
        using var api = await app.ApiAs("admin");
        var created = await api.PostAsJsonAsync("/api/items", new { title, department, writtenOn, category, body = $"<p>{title}正文。</p>" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        if (!publish) return id;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/items/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        return id;
    }

    /// <summary>The report titles in the order the page lists them, each with the year heading it sits under.</summary>
    private static List<(string Year, string Title)> Listed(string html)
    {
        var result = new List<(string, string)>();
        foreach (Match section in YearSection().Matches(html))
            foreach (Match link in ReportLink().Matches(section.Groups["rows"].Value))
                result.Add((section.Groups["year"].Value, link.Groups["title"].Value));
        return result;
    }

    [GeneratedRegex("<h2 id=\"year-(?<year>\\d{4})\">.*?<tbody>(?<rows>.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex YearSection();

    [GeneratedRegex("<a href=\"/items/\\d+\">(?<title>[^<]+)</a>")]
    private static partial Regex ReportLink();

    [Fact]
    public async Task The_demo_report_of_the_district_is_listed_with_the_deadlines_of_article_49_and_the_page_is_linked()
    {
        var lastYear = app.Clock.GetUtcNow().AddHours(8).Year - 1;
        var html = await PageAsync("/annual-reports");
        Assert.Contains("<h1>政府信息公开工作年度报告</h1>", html);
        Assert.Contains("第四十九条", html);
        Assert.Contains("每年1月31日前", html);
        Assert.Contains("每年3月31日前", html);
        var demo = $"明湖区人民政府{lastYear}年政府信息公开工作年度报告";
        Assert.Contains((lastYear.ToString(), demo), Listed(html));
        Assert.Contains("<td>明湖区人民政府</td>", html);
        var id = app.Db(db => db.Items.Single(i => i.Title == demo).Id);
        Assert.Contains($"/items/{id}", html);
        // The demo report is a real published item: its page opens.
        Assert.Contains(demo, await PageAsync($"/items/{id}"));

        // Linked from the portal navigation, the guide index and each body's guide (its column and 获取方式).
        Assert.Contains("href=\"/annual-reports\"", await PageAsync("/"));
        Assert.Contains("href=\"/annual-reports\"", await PageAsync("/guide"));
        var governmentGuide = await PageAsync("/guide/gov");
        Assert.Contains("href=\"/annual-reports?department=gov\"", governmentGuide);
        Assert.Contains("在每年3月31日前公布上一年度的政府信息公开工作年度报告", governmentGuide);
        Assert.Contains("在每年1月31日前公布上一年度的政府信息公开工作年度报告", await PageAsync("/guide/jyj"));
        // The column's Atom feed points readers at this page.
        using var anon = app.Anonymous();
        var feed = XDocument.Parse(await anon.GetStringAsync("/feeds/categories/nb.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var alternate = feed.Root!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate");
        Assert.EndsWith("/annual-reports", alternate.Attribute("href")!.Value);
        Assert.Contains(feed.Root.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value == demo);
    }

    [Fact]
    public async Task Reports_are_grouped_by_year_then_body_drafts_and_other_columns_stay_out_and_filters_narrow_the_list()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime).ToString("yyyy-MM-dd");
        var thisYear = app.Clock.GetUtcNow().AddHours(8).Year;
        // Written in year Y: the report on Y-1 (第四十九条: 上一年度).
        await ItemAsync("区财政局年报甲（前年）", "czj", $"{thisYear - 1}-01-20");
        await ItemAsync("区教育局年报乙（去年）", "jyj", today);
        await ItemAsync("区财政局年报丙（去年）", "czj", today);
        await ItemAsync("区教育局年报草稿丁", "jyj", today, publish: false);
        await ItemAsync("区教育局年报错栏戊", "jyj", today, category: "a20-01");
        // A column the office adds under 年报 counts as 年报.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
            var nb = await db.Categories.SingleAsync(c => c.Code == "nb");
            db.Categories.Add(new CatalogueCategory { Code = "nb-jd", Name = "街道乡镇年度报告", ParentId = nb.Id, SortOrder = 999 });
            await db.SaveChangesAsync();
        }
        await ItemAsync("新阳路街道年报己（去年）", "jd-xinyang", today, category: "nb-jd");

        var listed = Listed(await PageAsync("/annual-reports"));
        var y1 = (thisYear - 1).ToString();
        var y2 = (thisYear - 2).ToString();
        var ours = listed.Where(r => r.Title.Contains("年报")).ToList();
        // Newest year first; within a year the body order of the org chart (区教育局 before 区财政局 before streets).
        Assert.Equal(
            [(y1, "区教育局年报乙（去年）"), (y1, "区财政局年报丙（去年）"), (y1, "新阳路街道年报己（去年）"), (y2, "区财政局年报甲（前年）")],
            ours);
        Assert.Equal((y1, $"明湖区人民政府{thisYear - 1}年政府信息公开工作年度报告"), listed[0]); // the government heads its year
        Assert.Equal(5, listed.Count);

        var byYear = Listed(await PageAsync($"/annual-reports?year={thisYear - 2}"));
        Assert.Equal([(y2, "区财政局年报甲（前年）")], byYear);
        var byBody = Listed(await PageAsync("/annual-reports?department=czj"));
        Assert.Equal([(y1, "区财政局年报丙（去年）"), (y2, "区财政局年报甲（前年）")], byBody);
        var both = await PageAsync($"/annual-reports?department=jyj&year={thisYear - 2}");
        Assert.Empty(Listed(both));
        Assert.Contains("没有符合条件的年度报告。", both);

        // The filter form offers the years and the bodies that have reports, not all of them.
        var page = await PageAsync("/annual-reports");
        Assert.Contains($"<option value=\"{thisYear - 2}\">{thisYear - 2}年度</option>", page);
        Assert.Contains("<option value=\"czj\">区财政局</option>", page);
        Assert.DoesNotContain("<option value=\"fgj\">", page);
    }

    [Fact]
    public async Task Bad_query_values_give_the_page_not_an_error()
    {
        foreach (var query in new[] { "year=abc", "year=99999", "p=-3", "p=abc", "p=999999", "department=%3Cscript%3E", "year=2025&department=" })
        {
            using var anon = app.Anonymous();
            var response = await anon.GetAsync("/annual-reports?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h1>政府信息公开工作年度报告</h1>", html);
            Assert.DoesNotContain("<script>", html);
        }
    }
}

/// <summary>Paging and the empty state need a column of their own: a fresh database each.</summary>
public sealed class AnnualReportsPagingTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Without_reports_the_page_says_so_and_past_twenty_it_pages()
    {
        using var api = await app.ApiAs("admin");
        var column = app.Db(db => db.Categories.Single(c => c.Code == "nb").Id);
        var demo = app.Db(db => db.Items.Single(i => i.CategoryId == column).Id);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/items/{demo}/withdraw", new { reason = "测试空栏目" })).StatusCode);

        using var anon = app.Anonymous();
        var empty = WebUtility.HtmlDecode(await anon.GetStringAsync("/annual-reports"));
        Assert.Contains("暂无已公布的政府信息公开工作年度报告。", empty);
        Assert.DoesNotContain("<table", empty);
        Assert.DoesNotContain("class=\"pager\"", empty);

        // 22 department reports: 20 on the first page, 2 on the second.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime).ToString("yyyy-MM-dd");
        var departments = app.Db(db => db.Departments.Where(d => d.Kind == Gongkai.Domain.Organisation.OrgUnitKind.Department)
            .OrderBy(d => d.SortOrder).Select(d => d.Code).Take(22).ToList());
        Assert.Equal(22, departments.Count);
        foreach (var code in departments)
        {
            var created = await api.PostAsJsonAsync("/api/items", new { title = $"{code}年度报告分页测试", department = code, writtenOn = today, category = "nb", body = "<p>正文。</p>" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            await api.PostAsync($"/api/items/{id}/submit", null);
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        }

        var first = WebUtility.HtmlDecode(await anon.GetStringAsync("/annual-reports"));
        var second = WebUtility.HtmlDecode(await anon.GetStringAsync("/annual-reports?p=2"));
        Assert.Contains("共 22 份年度报告，第 1 / 2 页", first);
        Assert.Contains("href=\"/annual-reports?p=2\"", first);
        Assert.Contains("第 2 / 2 页", second);
        Assert.Contains("href=\"/annual-reports\" rel=\"prev\"", second);
        static int Count(string html) => Regex.Count(html, "年度报告分页测试</a>");
        Assert.Equal(20, Count(first));
        Assert.Equal(2, Count(second));
        // Together they list each report once, in the org chart's order.
        var titles = Regex.Matches(first + second, "(?<code>[a-z]+)年度报告分页测试</a>").Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(departments, titles);
        // A page past the end shows the last one.
        Assert.Contains("第 2 / 2 页", WebUtility.HtmlDecode(await anon.GetStringAsync("/annual-reports?p=50")));
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.Publishing;

namespace Gongkai.Tests.Catalogue.Feeds;

/// <summary>Runs with two rows per database read, so every export crosses many batch boundaries.</summary>
public sealed class CatalogueExportTests(SmallBatchesFactory app) : IClassFixture<SmallBatchesFactory>
{
    private static readonly string[] Headers = ["索引号", "名称", "内容概述", "生成日期", "发布日期", "发布机构", "文号", "公开目录", "主题分类", "公开方式", "有效性", "链接"];

    private async Task<List<List<string>>> CsvAsync(string query = "")
    {
        using var anon = app.Anonymous();
        var response = await anon.GetAsync("/api/catalogue/items.csv" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "the CSV must start with the UTF-8 byte-order mark");
        var records = FeedsTestKit.ParseCsv(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(Headers, records[0]);
        Assert.All(records, r => Assert.Equal(Headers.Length, r.Count));
        return records.Skip(1).ToList();
    }

    private async Task<JsonElement> JsonAsync(string query = "")
    {
        using var anon = app.Anonymous();
        var response = await anon.GetAsync("/api/catalogue/items.json" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_csv_round_trips_a_title_with_a_comma_a_quote_and_a_line_break()
    {
        const string title = "关于\"一网通办\",试点\n第二批名单的公示";
        const string summary = "含逗号,和\"引号\"的概述\r\n第二行";
        var id = await FeedsTestKit.PublishAsync(app, title, summary: summary);

        var rows = await CsvAsync();
        var b = FeedsTestKit.BaseUrl(app);
        var row = Assert.Single(rows, r => r[11] == $"{b}/items/{id}");
        Assert.Equal(title, row[1]);
        Assert.Equal(summary, row[2]);
        var item = app.Db(db => db.Items.Single(i => i.Id == id));
        Assert.Equal(item.IndexNumber, row[0]);
        Assert.Equal("2026-02-20", row[3]);
        Assert.Equal(item.PublishedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row[4]);
        Assert.Equal(new[] { "区教育局", "明教发〔2026〕21号", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", "科技、教育\\教育", "主动公开", "有效" }, row.Skip(5).Take(6));
        Assert.Equal(FeedsTestKit.PublishedIds(app).Count, rows.Count);
    }

    [Fact]
    public async Task The_json_lists_the_same_items_as_the_csv_with_a_mapping_of_its_field_names()
    {
        for (var i = 0; i < 3; i++) await FeedsTestKit.PublishAsync(app, $"导出一致性测试 {i}");
        var draft = await FeedsTestKit.DraftAsync(app, "导出不应包含的草稿");
        var csv = await CsvAsync();
        var json = await JsonAsync();

        var fields = json.GetProperty("fields");
        Assert.Equal("索引号", fields.GetProperty("indexNumber").GetString());
        Assert.Equal("生成日期", fields.GetProperty("writtenOn").GetString());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(FeedsTestKit.PublishedIds(app), ids); // every published item once, in id order, across batches of 2
        Assert.DoesNotContain(draft, ids);
        Assert.Equal(csv.Select(r => (r[0], r[1], r[2], r[3], r[4], r[5], r[11])),
            items.Select(i => (S(i, "indexNumber"), S(i, "title"), S(i, "summary"), S(i, "writtenOn"), S(i, "publishedOn"), S(i, "department"), S(i, "url"))));
    }

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    [Fact]
    public async Task Filters_narrow_to_a_department_a_column_with_its_sub_columns_and_a_year()
    {
        await FeedsTestKit.PublishAsync(app, "筛选测试：教育局的信息", category: "jc-ywjy");
        var jyj = await JsonAsync("?department=jyj");
        var jyjCount = app.Db(db => db.Items.Count(i => i.State == ItemState.Published && i.DepartmentId == db.Departments.Single(d => d.Code == "jyj").Id));
        Assert.Equal(jyjCount, jyj.GetProperty("items").GetArrayLength());
        Assert.All(jyj.GetProperty("items").EnumerateArray(), i => Assert.Equal("jyj", S(i, "departmentCode")));

        var jc = (await CsvAsync("?category=jc")).Select(r => r[7]).ToList();
        Assert.Contains("义务教育", jc);
        Assert.DoesNotContain("财政预算、决算信息", jc);
        Assert.All((await JsonAsync("?category=jc")).GetProperty("items").EnumerateArray(), i => Assert.StartsWith("jc-", S(i, "categoryCode"), StringComparison.Ordinal));

        var year = app.Clock.GetUtcNow().AddHours(8).Year;
        Assert.NotEmpty(await CsvAsync($"?year={year}"));
        Assert.Empty(await CsvAsync("?year=1990"));
    }

    [Theory]
    [InlineData("items.json", "?department=no-such-body", "department")]
    [InlineData("items.csv", "?category=no-such-column", "category")]
    [InlineData("items.csv", "?year=twenty", "year")]
    [InlineData("items.json", "?year=3000", "year")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_parameter(string file, string query, string field)
    {
        using var anon = app.Anonymous();
        var response = await anon.GetAsync($"/api/catalogue/{file}{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem should name {field}");
    }
}

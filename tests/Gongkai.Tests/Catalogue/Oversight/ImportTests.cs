using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Gongkai.Domain.Publishing;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Gongkai.Tests.Catalogue.Oversight.ImportFiles;

namespace Gongkai.Tests.Catalogue.Oversight;

public sealed class ImportTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private List<DisclosureItem> ItemsTitled(string prefix) =>
        app.Db(db => db.Items.AsNoTracking().Where(i => i.Title.StartsWith(prefix)).OrderBy(i => i.Id).ToList());

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_xlsx_with_one_bad_row_imports_the_good_rows_as_drafts_and_reports_the_bad_one_by_its_row_number()
    {
        var file = Xlsx([
            Row("导入甲：2026年秋季学期校历", "jyj", new DateTime(2026, 9, 1)), // a real Excel date cell
            Row("导入甲：不存在的机构", "nope"),
            Row("导入甲：寒假放假安排", "jyj", "2026年11月20日"),
        ]);
        using var editor = await app.ApiAs("xinxiyuan");
        var report = await ReportAsync(await PostApiAsync(editor, file, "导入.xlsx"));

        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(1, report.GetProperty("refused").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], rows.Select(r => r.GetProperty("row").GetInt32())); // as Excel numbers them: the header is row 1
        var bad = rows[1];
        Assert.False(bad.GetProperty("imported").GetBoolean());
        Assert.Equal(JsonValueKind.Null, bad.GetProperty("id").ValueKind);
        var reason = Assert.Single(bad.GetProperty("reasons").EnumerateArray()).GetString();
        Assert.Equal("发布机构代码：没有代码为“nope”的机构", reason);

        var drafts = ItemsTitled("导入甲：");
        Assert.Equal(["导入甲：2026年秋季学期校历", "导入甲：寒假放假安排"], drafts.Select(d => d.Title));
        Assert.All(drafts, d => Assert.Equal(ItemState.Draft, d.State));
        Assert.All(drafts, d => Assert.Equal("xinxiyuan", d.CreatedBy));
        Assert.Equal([new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 20)], drafts.Select(d => d.WrittenOn));
        Assert.Equal("<p>正文第一段。</p><p>正文第二段。</p>", drafts[0].Body);
        Assert.Equal([rows[0].GetProperty("id").GetInt64(), rows[2].GetProperty("id").GetInt64()], drafts.Select(d => d.Id));
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.Action == "ItemsImported" && e.ActorName == "xinxiyuan" && e.After!.Contains("导入.xlsx"))));
    }

    [Fact]
    public async Task A_gb18030_csv_from_chinese_excel_imports_its_chinese_titles_through_the_page()
    {
        string[] titles = ["导入乙：关于做好2026年冬季校园安全工作的通知", "导入乙：明湖区义务教育阶段学校课后服务收费标准（“双减”）"];
        var file = Csv(titles.Select(t => Row(t, "jyj", "2026/11/20", body: "请各校于12月1日前报送，联系人：王老师")), Gb18030);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(file)); // really not UTF-8

        using var reviewer = await app.SignedInAsync("shenheren");
        var response = await PostPageAsync(reviewer, file, "课后服务.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(["true", "true"], page.QuerySelectorAll("#import-report tbody tr").Select(r => r.GetAttribute("data-imported")));
        Assert.Contains("导入 2 行，未导入 0 行", page.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);

        var drafts = ItemsTitled("导入乙：");
        Assert.Equal(titles, drafts.Select(d => d.Title));
        Assert.All(drafts, d => Assert.Equal("<p>请各校于12月1日前报送，联系人：王老师</p>", d.Body));
        Assert.All(drafts, d => Assert.Equal("明教发〔2026〕21号", d.DocumentNumber));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_utf8_csv_with_or_without_bom_keeps_quoted_commas_and_line_breaks(bool bom)
    {
        var title = $"导入丙：UTF-8（{(bom ? "有" : "无")}BOM），含逗号";
        var file = Csv([Row(title, "jyj", body: "第一段，含逗号和\"引号\"。\r\n第二段。")], Utf8, bom);
        using var editor = await app.ApiAs("xinxiyuan");
        var report = await ReportAsync(await PostApiAsync(editor, file, "items.csv"));
        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        var draft = Assert.Single(ItemsTitled(title));
        Assert.Equal("<p>第一段，含逗号和\"引号\"。</p><p>第二段。</p>", draft.Body.Replace("&quot;", "\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_cannot_import_a_row_for_another_department_but_the_rest_of_the_file_goes_in()
    {
        var file = Xlsx([Row("导入丁：民政局的信息", "minzj", category: "a20-11"), Row("导入丁：教育局的信息", "jyj")]);
        using var editor = await app.ApiAs("xinxiyuan");
        var report = await ReportAsync(await PostApiAsync(editor, file, "mixed.xlsx"));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.False(rows[0].GetProperty("imported").GetBoolean());
        Assert.Contains("只能导入本部门", rows[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("minzj", rows[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.True(rows[1].GetProperty("imported").GetBoolean());
        Assert.Equal(["导入丁：教育局的信息"], ItemsTitled("导入丁：").Select(d => d.Title));

        // The office may import for any body.
        using var office = await app.ApiAs("bangong");
        var officeReport = await ReportAsync(await PostApiAsync(office, Xlsx([Row("导入丁：公开办代民政局导入", "minzj", category: "a20-11")]), "office.xlsx"));
        Assert.Equal(1, officeReport.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_row_with_several_problems_lists_each_of_them_and_a_blank_row_is_skipped()
    {
        var file = Csv([Row("", "jyj", "2026-02-30", "zz"), new object?[9], Row("导入戊：正常的一行", "jyj")], Utf8);
        using var editor = await app.ApiAs("xinxiyuan");
        var report = await ReportAsync(await PostApiAsync(editor, file, "problems.csv"));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 4], rows.Select(r => r.GetProperty("row").GetInt32()));
        var reasons = rows[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(["标题", "成文日期", "目录分类代码"], reasons.Select(r => r.Split('：')[0])); // in the order of the columns
        Assert.Contains(reasons, r => r.StartsWith("成文日期：", StringComparison.Ordinal) && r.Contains("2026-02-30", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("目录分类代码：", StringComparison.Ordinal) && r.Contains("zz", StringComparison.Ordinal));
        Assert.Single(ItemsTitled("导入戊："));
    }

    [Fact]
    public async Task Wrong_headers_refuse_the_whole_file_and_import_nothing()
    {
        string[] english = ["title", "department", "writtenOn", "category", "documentNumber", "theme", "keywords", "summary", "body"];
        using var editor = await app.ApiAs("xinxiyuan");
        var response = await PostApiAsync(editor, Csv([Row("导入己：英文表头", "jyj")], Utf8, headers: english), "english.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("文件未能导入", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("缺少必填列：标题、发布机构代码、成文日期、目录分类代码、正文", detail, StringComparison.Ordinal);
        Assert.Contains("无法识别的列：title", detail, StringComparison.Ordinal);

        // A misspelt column in an otherwise right header row is refused too, on the page as well.
        var misspelt = Headers.Select(h => h == "正文" ? "正 文" : h).ToArray();
        using var browser = await app.SignedInAsync("xinxiyuan");
        var page = await PostPageAsync(browser, Xlsx([Row("导入己：错别字表头", "jyj")], misspelt), "misspelt.xlsx");
        var html = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        Assert.Contains("缺少必填列：正文", html.QuerySelector("#import-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(ItemsTitled("导入己："));
    }

    [Theory]
    [InlineData("", "empty.csv", HttpStatusCode.BadRequest, "文件是空的")]
    [InlineData("%PDF-1.7\n", "notice.pdf", HttpStatusCode.UnsupportedMediaType, "只能导入 .xlsx 或 .csv")]
    [InlineData("this is not a zip", "fake.xlsx", HttpStatusCode.UnsupportedMediaType, "不是有效的 XLSX")]
    [InlineData("标题,发布机构代码,成文日期,目录分类代码,正文\r\n", "header-only.csv", HttpStatusCode.BadRequest, "没有数据行")]
    public async Task Files_that_cannot_be_imported_are_refused_with_a_clear_reason(string content, string fileName, HttpStatusCode status, string message)
    {
        using var editor = await app.ApiAs("xinxiyuan");
        var response = await PostApiAsync(editor, Utf8.GetBytes(content), fileName);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var big = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(big, (byte)'a');
        using var editor = await app.ApiAs("xinxiyuan");
        var response = await PostApiAsync(editor, big, "big.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("10 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_templates_carry_the_documented_headers_and_the_page_documents_every_column()
    {
        using var browser = await app.SignedInAsync("xinxiyuan");
        var xlsx = await browser.GetAsync("/admin/items/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var header = (IDictionary<string, object?>)stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).First();
            Assert.Equal(Headers, header.Values.Select(v => v as string));
        }

        var csv = await browser.GetByteArrayAsync("/admin/items/import/template.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal(string.Join(',', Headers) + "\r\n", Encoding.UTF8.GetString(csv, 3, csv.Length - 3));

        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync("/admin/items/import"));
        var documented = page.QuerySelectorAll("#columns ~ table tbody th").Select(th => th.TextContent.Trim());
        Assert.Equal(Headers, documented);
    }
}

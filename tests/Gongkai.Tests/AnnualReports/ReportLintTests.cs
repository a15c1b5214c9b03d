using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.AnnualReports;
using Gongkai.Features.AnnualReports.Lint;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.AnnualReports;

/// <summary>
/// POST /api/reports/lint and /admin/reports/lint on published layouts written as fixtures (2021 with
/// rowspan/colspan, 2019, a GB2312 page with typos and ASCII parentheses, broken arithmetic), on a DOCX
/// from our own writer, and on bad input.
/// </summary>
public sealed class ReportLintTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private sealed record Check(string Code, string Rule, bool Passed, string Detail, List<string> Cells);
    private sealed record Report(string Source, string? Format, List<Check> Checks, List<string> Problems);

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "AnnualReports", "Fixtures", name));

    private async Task<Report> LintFileAsync(string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await app.Anonymous().PostAsync("/api/reports/lint", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Report>(JsonSerializerOptions.Web))!;
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content) => await app.Anonymous().PostAsync("/api/reports/lint", content);

    private static void AllPass(Report report, string format)
    {
        Assert.Equal(format, report.Format);
        Assert.Empty(report.Problems);
        Assert.All(report.Checks, c => Assert.True(c.Passed, $"{c.Rule}: {c.Detail}"));
        // 2021: 1 + 25 + 7 + 7 checks of 三, 1 + 3 of 四; 2019 has two rows fewer.
        Assert.Equal((format == "2021" ? 25 : 23) + 15 + 4, report.Checks.Count);
    }

    [Fact]
    public async Task A_2021_page_with_merged_cells_passes_and_its_numbers_are_read()
    {
        var report = await LintFileAsync("report-2021.html", Fixture("report-2021.html"));
        AllPass(report, "2021");
        Assert.Equal("html", report.Source);
        // regulation.md §1.6: 14069 + 560 = 13810 + 819 in the 总计 column.
        Assert.Equal("14069 + 560 = 14629，13810 + 819 = 14629", report.Checks.Single(c => c.Code == "applications.balance" && c.Rule.Contains("「总计」")).Detail);
        Assert.Equal("376 + 97 + 196 + 121 = 790，总计为 790", report.Checks.First(c => c.Code == "review.total").Detail);
    }

    [Fact]
    public async Task The_same_page_pasted_as_form_field_or_json_gives_the_same_answer()
    {
        var html = Encoding.UTF8.GetString(Fixture("report-2021.html"));
        var asFile = await LintFileAsync("report-2021.html", Fixture("report-2021.html"));
        var field = await PostAsync(new FormUrlEncodedContent([new("html", html)]));
        var json = await PostAsync(JsonContent.Create(new { html }));
        foreach (var response in new[] { field, json })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = (await response.Content.ReadFromJsonAsync<Report>(JsonSerializerOptions.Web))!;
            Assert.Equal(asFile.Checks.Select(c => (c.Code, c.Passed, c.Detail)), report.Checks.Select(c => (c.Code, c.Passed, c.Detail)));
        }
    }

    [Fact]
    public async Task A_2019_page_is_read_in_the_2019_layout()
    {
        var report = await LintFileAsync("report-2019.htm", Fixture("report-2019.html"));
        AllPass(report, "2019");
        Assert.Contains(report.Checks, c => c.Rule.Contains("「（六）其他处理」", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gb2312_page_with_typos_ascii_parentheses_and_wrapped_labels_is_still_read()
    {
        var bytes = Fixture("report-typos-gb2312.html");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes)); // really not UTF-8
        var report = await LintFileAsync("report.html", bytes);
        AllPass(report, "2021");
        Assert.Contains(report.Checks, c => c.Rule.Contains("5.属于三类内部事务信息", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Broken_arithmetic_fails_the_checks_that_name_the_cells()
    {
        var report = await LintFileAsync("report-broken.html", Fixture("report-broken.html"));
        Assert.Equal("2021", report.Format);
        var problem = Assert.Single(report.Problems);
        Assert.Contains("表三·（三）不予公开5.属于三类内部事务信息·商业企业", problem);
        Assert.Contains("「—」不是数字", problem);

        var failed = report.Checks.Where(c => !c.Passed).ToList();
        Assert.Equal(
            [
                ("applications.integers", "表三：每个单元格都是非负整数"),
                ("applications.column-total", "表三「一、本年新收政府信息公开申请数量」：总计 = 自然人 + 法人或其他组织五列之和"),
                ("applications.column-total", "表三「5.属于三类内部事务信息」：总计 = 自然人 + 法人或其他组织五列之和"),
                ("applications.balance", "表三「自然人」列：第一项 + 第二项 = 第三项（七）总计 + 第四项"),
                ("applications.outcome-total", "表三「商业企业」列：（七）总计 = 各项办理结果之和"),
                ("review.total", "表四「行政复议」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
            ],
            failed.Select(c => (c.Code, c.Rule)));
        Assert.Equal(["表三·（三）不予公开5.属于三类内部事务信息·商业企业"], failed[0].Cells);
        Assert.Equal(["表三·一、本年新收政府信息公开申请数量·自然人", "表三·二、上年结转政府信息公开申请数量·自然人", "表三·（七）总计·自然人", "表三·四、结转下年度继续办理·自然人"], failed[3].Cells);
        Assert.Contains("表三·（三）不予公开5.属于三类内部事务信息·商业企业", failed[4].Cells);
        Assert.Contains("表四·行政复议·总计", failed[5].Cells);
        Assert.Contains("总计为 11", failed[5].Detail);
    }

    [Fact]
    public async Task A_docx_from_our_own_writer_reads_back_with_every_check_as_computed()
    {
        var content = SampleReports.Content();
        var report = await LintFileAsync("报告.docx", AnnualReportFilesTests.Docx(content));
        Assert.Equal("docx", report.Source);
        AllPass(report, "2021");
        // Each check's detail quotes the numbers it added: equal details mean every cell was read back as written.
        var expected = content.Applications.Check().Concat(content.ReviewLitigation.Check()).ToList();
        Assert.Equal(expected.Select(c => (c.Code, c.Rule, c.Passed, c.Detail, string.Join("|", c.Cells))),
            report.Checks.Select(c => (c.Code, c.Rule, c.Passed, c.Detail, string.Join("|", c.Cells))));
    }

    [Fact]
    public async Task A_docx_of_an_older_2019_report_reads_in_its_layout()
    {
        var report = await LintFileAsync("2020.docx", AnnualReportFilesTests.Docx(SampleReports.Content(2020)));
        AllPass(report, "2019");
    }

    public static TheoryData<string, byte[], string, HttpStatusCode> BadFiles => new()
    {
        { "empty.html", [], "为空", HttpStatusCode.BadRequest },
        { "empty.docx", [], "为空", HttpStatusCode.BadRequest },
        { "garbage.docx", Garbage(5000), "DOCX", HttpStatusCode.BadRequest },
        { "garbage.html", Garbage(5000), "不是文本", HttpStatusCode.UnsupportedMediaType },
        { "report.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n"), "不支持的文件类型", HttpStatusCode.UnsupportedMediaType },
        { "old.doc", [0xD0, 0xCF, 0x11, 0xE0], ".docx", HttpStatusCode.UnsupportedMediaType },
        { "page.html", Encoding.UTF8.GetBytes("<html><body><p>2025年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>"), "没有表格", HttpStatusCode.UnprocessableEntity },
        { "menu.html", Encoding.UTF8.GetBytes("<table><tr><td>首页</td><td>政务公开</td></tr><tr><td>1</td><td>2</td></tr></table>"), "未找到", HttpStatusCode.UnprocessableEntity },
        { "zip.docx", EmptyZip(), "DOCX", HttpStatusCode.BadRequest },
    };

    private static byte[] Garbage(int n)
    {
        var bytes = new byte[n];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    private static byte[] EmptyZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, true))
            zip.CreateEntry("hello.txt");
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_get_a_chinese_problem_not_a_500(string fileName, byte[] content, string says, HttpStatusCode status)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await PostAsync(form);
        await AssertProblem(response, status, says);
    }

    [Fact]
    public async Task Huge_input_is_refused_with_413()
    {
        var huge = new byte[11 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        using var form = new MultipartFormDataContent { { new ByteArrayContent(huge), "file", "huge.html" } };
        await AssertProblem(await PostAsync(form), HttpStatusCode.RequestEntityTooLarge, "过大");
        await AssertProblem(await PostAsync(new StringContent(Encoding.ASCII.GetString(huge), Encoding.UTF8, "text/html")), HttpStatusCode.RequestEntityTooLarge, "过大");
    }

    [Fact]
    public async Task Missing_or_malformed_requests_are_4xx()
    {
        await AssertProblem(await PostAsync(new FormUrlEncodedContent([new("other", "x")])), HttpStatusCode.BadRequest, "没有文件或内容");
        await AssertProblem(await PostAsync(JsonContent.Create(new { html = "" })), HttpStatusCode.BadRequest, "为空");
        await AssertProblem(await PostAsync(new StringContent("{not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "JSON");
        await AssertProblem(await PostAsync(new ByteArrayContent([1, 2, 3])), HttpStatusCode.UnsupportedMediaType, "不支持");
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(body);
        Assert.Contains(says, json.RootElement.GetProperty("detail").GetString());
        Assert.True(json.RootElement.GetProperty("title").GetString()!.Any(c => c >= 0x4E00), "Chinese title");
    }

    [Fact]
    public async Task The_back_office_page_lists_the_failed_checks_with_their_cells()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/admin/reports/lint")).StatusCode);
        var client = await app.SignedInAsync("bangong");
        var html = Encoding.UTF8.GetString(Fixture("report-broken.html"));
        var response = await client.PostFormAsync("/admin/reports/lint", [new("Html", html)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("未通过 6 项", page);
        Assert.Contains("表三·（三）不予公开5.属于三类内部事务信息·商业企业", page);
        Assert.Contains("表四·行政复议·总计", page);
        Assert.Contains("「—」不是数字", page);

        var empty = WebUtility.HtmlDecode(await (await client.PostFormAsync("/admin/reports/lint", [new("Html", "<p>没有表格</p>")])).Content.ReadAsStringAsync());
        Assert.Contains("无法校验：内容中没有表格", empty);

        // A file uploaded through the page: our own DOCX passes; one past the limit is refused, never a 500.
        var form = await client.GetStringAsync("/admin/reports/lint");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(AnnualReportFilesTests.Docx(SampleReports.Content())), "Upload", "报告.docx" },
        };
        var uploaded = WebUtility.HtmlDecode(await (await client.PostAsync("/admin/reports/lint", upload)).Content.ReadAsStringAsync());
        Assert.Contains("表三按 2021 年格式读取，共核对 44 项，未通过 0 项", uploaded);

        using var huge = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[11 * 1024 * 1024]), "Upload", "huge.html" },
        };
        var refused = await client.PostAsync("/admin/reports/lint", huge);
        Assert.True((int)refused.StatusCode is 200 or 400 or 413, $"{(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
        Assert.Contains("过大", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var pasted = await client.PostFormAsync("/admin/reports/lint", [new("Html", new string('a', 11 * 1024 * 1024))]);
        Assert.Contains("过大", WebUtility.HtmlDecode(await pasted.Content.ReadAsStringAsync()));
    }

    [Fact]
    public void Labels_match_loosely_but_not_wrongly()
    {
        var rows = ApplicationTableLayout.Rows(ReportFormat.Format2021);
        var internalRow = rows.Single(r => r.Label == "5.属于三类内部事务信息");
        Assert.True(ReportLabels.Matches(ReportLabels.Normalize("三、本年度办理结果 (三)不予公开 5. 属于三类 内容事务信息"), internalRow));
        Assert.False(ReportLabels.Matches(ReportLabels.Normalize("三、本年度办理结果（四）无法提供5.属于三类内部事务信息"), internalRow));
        var partial = rows.Single(r => r.Key == "partial");
        Assert.True(ReportLabels.Matches(ReportLabels.Normalize("（二）部分公开"), partial));
        Assert.Equal(1234m, ReportLabels.Number("１,２３４", out var ok));
        Assert.True(ok);
        Assert.Null(ReportLabels.Number("12件", out ok));
        Assert.False(ok);
    }
}

/// <summary>The anonymous lint API is rate-limited per address (its own factory: the limit is per app).</summary>
public sealed class ReportLintRateLimitTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Past_the_limit_an_address_gets_429()
    {
        using var client = app.Anonymous();
        for (var i = 0; i < Gongkai.Features.AnnualReports.Lint.ReportLintApi.RequestsPerMinute; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/reports/lint", JsonContent.Create(new { html = "" }))).StatusCode);
        var refused = await client.PostAsync("/api/reports/lint", JsonContent.Create(new { html = "" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("application/problem+json", refused.Content.Headers.ContentType?.ToString());
    }
}

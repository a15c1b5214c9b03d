using System.Net;
using AngleSharp.Html.Parser;
using Gongkai.Tests.Infrastructure;
using MiniExcelLibs;
using static Gongkai.Tests.Applications.Import.ApplicationImportFiles;

namespace Gongkai.Tests.Applications.Import;

/// <summary>Small limits, to see them refused with clear messages.</summary>
public sealed class SmallImportFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
        new("Gongkai:Applications:Import:MaxRows", "3"),
        new("Gongkai:Applications:Import:MaxBytes", "20000"),
    ];
}

/// <summary>The office's page: template, check, confirmation, the per-row report; and the limits.</summary>
public sealed class ApplicationImportPageTests(SmallImportFactory app) : IClassFixture<SmallImportFactory>
{
    [Fact]
    public async Task The_office_checks_a_file_sees_the_rows_confirms_and_gets_the_report()
    {
        using var browser = await app.SignedInAsync("bangong");
        var page = await browser.GetStringAsync("/admin/applications/import");
        Assert.Contains("href=\"/admin/applications/import\"", page, StringComparison.Ordinal); // the nav link

        var template = await browser.GetAsync("/admin/applications/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var headers = MiniExcel.Query(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToArray();
        Assert.Equal(Headers, headers);

        var file = Xlsx([Row("页面甲", ("答复日期", "2026-03-02"), ("办理结果", "予以公开")), Row("页面乙", ("办理结果", "不知道"), ("答复日期", "2026-03-02"))]);
        var checkedPage = await new HtmlParser().ParseDocumentAsync(await (await PostCheckAsync(browser, file, "页面.xlsx")).Content.ReadAsStringAsync());
        Assert.Equal(["imported", "refused"], checkedPage.QuerySelectorAll("#import-report tbody tr").Select(r => r.GetAttribute("data-result")));
        Assert.Contains("办理结果", checkedPage.QuerySelector("#import-report tbody tr[data-row='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("尚未保存", checkedPage.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(app.Db(db => db.Applications.Any(a => a.ApplicantName == "页面甲")));

        var confirm = checkedPage.QuerySelector("#confirm-form")!;
        var fields = new Dictionary<string, string>
        {
            ["Token"] = confirm.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = confirm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        var done = await browser.PostAsync("/admin/applications/import?handler=Confirm", new FormUrlEncodedContent(fields));
        var donePage = await new HtmlParser().ParseDocumentAsync(await done.Content.ReadAsStringAsync());
        Assert.Contains("导入 1 件", donePage.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(app.Db(db => db.Applications.Any(a => a.ApplicantName == "页面甲")));

        // The token was used up: confirming twice imports nothing more.
        var again = await new HtmlParser().ParseDocumentAsync(await (await browser.PostAsync("/admin/applications/import?handler=Confirm", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.Contains("已过期或已经导入", again.QuerySelector("#import-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, app.Db(db => db.Applications.Count(a => a.ApplicantName == "页面甲")));
    }

    [Fact]
    public async Task Too_many_rows_or_too_many_bytes_are_refused_with_clear_messages()
    {
        using var office = await app.ApiAs("bangong");
        var rows = await PostApiAsync(office, Xlsx(Enumerable.Range(1, 4).Select(i => Row($"限制{i}"))), "rows.xlsx");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rows.StatusCode);
        Assert.Contains("超过 3 行", await rows.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var big = Csv([Row("限制大", ("申请内容", new string('长', 3000)), ("答复意见", new string('长', 5000)))], new System.Text.UTF8Encoding(false), bom: true);
        var bytes = await PostApiAsync(office, big, "big.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bytes.StatusCode);
        Assert.Contains("MB", await bytes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.Db(db => db.Applications.Count(a => a.ApplicantName.StartsWith("限制"))));
    }
}

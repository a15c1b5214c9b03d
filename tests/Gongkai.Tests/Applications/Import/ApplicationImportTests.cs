using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Features.Applications;
using Gongkai.Features.Calendar;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Import.ApplicationImportFiles;

namespace Gongkai.Tests.Applications.Import;

/// <summary>Historical applications imported by the office: replayed through the live rules, reported per row, never twice.</summary>
public sealed class ApplicationImportTests(ApplicationsFactory app) : IClassFixture<ApplicationsFactory>
{
    private static async Task<JsonElement> ReportAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<(int Row, string Column, string Message)> Refused(JsonElement report) =>
        [.. report.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("column")!, r.Str("message")!))];

    private static long IdOfRow(JsonElement report, int row) =>
        report.GetProperty("importedRows").EnumerateArray().Single(r => r.GetProperty("row").GetInt32() == row).GetProperty("id").GetInt64();

    /// <summary>What must be the same whether the steps were imported or entered live: the clock and each step's effect on it.</summary>
    private static string ClockAndHistory(JsonElement detail)
    {
        var clock = detail.GetProperty("clock");
        var history = detail.GetProperty("history").EnumerateArray().Select(h =>
            $"{h.Str("on")}|{h.Str("event")}|{h.Str("end")}|{h.GetProperty("workingDays")}|{h.Str("outcome")}|{h.Str("dueBefore")}|{h.Str("dueAfter")}|{h.Str("clockText")}|{h.Str("recordedBy")}");
        return string.Join("\n", [clock.Str("status"), clock.Str("phase"), clock.Str("dueOn"), clock.Str("dueReason"), clock.GetProperty("extendedDays").ToString(),
            clock.Str("outcome"), clock.Str("finishedOn"), detail.Str("rules"), .. history]);
    }

    [Fact]
    public async Task An_xlsx_imports_the_good_rows_with_the_due_dates_of_live_entry_and_reports_each_bad_row_by_row_and_column()
    {
        var file = Xlsx([
            // Row 2: every kind of step, with real Excel date cells and a number cell.
            Row("导入甲", ("收到日期", new DateTime(2026, 2, 10)), ("补正告知日期", "2026-02-12"), ("补正期限", "2026-03-05"), ("收到补正日期", "2026/2/25"),
                ("征求意见开始日期", "2026-03-02"), ("征求意见结束日期", "2026年3月10日"), ("延期日期", "2026-03-20"), ("延期工作日", 10), ("延期理由", "需调阅历年档案"),
                ("答复日期", new DateTime(2026, 4, 8)), ("办理结果", "部分公开"), ("答复意见", "部分内容涉及第三方商业秘密，不予公开。")),
            Row("导入乙", ("答复日期", "2026-02-09"), ("办理结果", "予以公开")),                        // row 3: reply before receipt
            Row("导入丙", ("答复日期", "2026-03-02"), ("办理结果", "全部公开了")),                      // row 4: unknown outcome label
            Row("导入丁", ("延期日期", "2026-03-10"), ("延期工作日", 25), ("延期理由", "情况复杂")),      // row 5: beyond the 20-day limit
            Row("导入戊", ("办理部门", "不存在的局")),                                                   // row 6: unknown department
            Row("导入己", ("补正告知日期", "2026-02-12"), ("补正期限", "2026-03-05"), ("收到补正日期", "2026-02-25"),
                ("答复日期", "2026-02-20"), ("办理结果", "granted")),                                      // row 7: reply before the correction
            Row("导入庚", ("收到日期", "2018-03-05"), ("收件渠道", "当面"), ("申请人类型", "商业企业"), ("证件号码", null),
                ("办理部门", "区教育局"), ("答复日期", "2018-03-20"), ("办理结果", "1.属于国家秘密")),     // row 8: 2007 rules, department by name
        ]);
        using var office = await app.ApiAs("bangong");
        var report = await ReportAsync(await PostApiAsync(office, file, "历史申请.xlsx"));

        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal([2, 8], report.GetProperty("importedRows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        var refused = Refused(report);
        Assert.Equal([(3, "答复日期"), (4, "办理结果"), (5, "延期工作日"), (6, "办理部门"), (7, "答复日期")], refused.Select(r => (r.Row, r.Column)));
        Assert.Contains("不能早于收到申请之日", refused[0].Message, StringComparison.Ordinal);
        Assert.Contains("全部公开了", refused[1].Message, StringComparison.Ordinal);
        Assert.Contains("1至20个工作日", refused[2].Message, StringComparison.Ordinal);
        Assert.Contains("不存在的局", refused[3].Message, StringComparison.Ordinal);
        Assert.Contains("不能早于上一次登记的办理日期", refused[4].Message, StringComparison.Ordinal);
        foreach (var name in new[] { "导入乙", "导入丙", "导入丁", "导入戊", "导入己" })
            Assert.False(app.Db(db => db.Applications.Any(a => a.ApplicantName == name)), name); // nothing half-way

        // The same steps through the API give the same clock, step by step.
        var live = await RegisterAsync(office, name: "导入甲（在线对照）", description: "导入甲申请的2025年明湖区中小学校舍维修项目清单");
        await OkStepAsync(office, live.Id, "correction-request", new { on = "2026-02-12", deadline = "2026-03-05" });
        await OkStepAsync(office, live.Id, "corrected", new { on = "2026-02-25" });
        await OkStepAsync(office, live.Id, "consultation", new { from = "2026-03-02" });
        await OkStepAsync(office, live.Id, "consultation-end", new { on = "2026-03-10" });
        await OkStepAsync(office, live.Id, "extend", new { on = "2026-03-20", workingDays = 10, reason = "需调阅历年档案" });
        await OkStepAsync(office, live.Id, "reply", new { on = "2026-04-08", outcome = "partial", text = "部分内容涉及第三方商业秘密，不予公开。" });
        var imported = await DetailAsync(office, IdOfRow(report, 2));
        Assert.Equal(ClockAndHistory(await DetailAsync(office, live.Id)), ClockAndHistory(imported));
        Assert.Equal(report.GetProperty("importedRows")[0].Str("dueOn"), imported.GetProperty("clock").Str("dueOn"));
        // By hand: 02-25 + 20 working days (Sat 02-28 is a 调休 working day) = 03-24; + 6 left out (03-03…03-10) = 04-01;
        // + 10 (清明 04-04…06 off) = 04-16.
        Assert.Equal("2026-04-16", imported.GetProperty("clock").Str("dueOn"));
        Assert.Equal(("replied", "partial"), (imported.GetProperty("clock").Str("status"), imported.GetProperty("clock").Str("outcome")));

        // Received in 2018: the 2007 条例's 15 working days (第二十四条), counted on the official calendar.
        var old = await DetailAsync(office, IdOfRow(report, 8));
        DateOnly expected;
        await using (var scope = app.Scope())
            expected = (await scope.ServiceProvider.GetRequiredService<CalendarService>().GetAsync(default)).AddWorkingDays(new DateOnly(2018, 3, 5), 15).Due;
        Assert.Equal(expected.ToString("yyyy-MM-dd"), old.GetProperty("clock").Str("dueOn"));
        Assert.Contains("2007", old.Str("rules"), StringComparison.Ordinal);
        Assert.Equal(("jyj", "commercial", "in-person", "refused.state-secret"),
            (old.Str("department"), old.Str("applicantType"), old.Str("channel"), old.GetProperty("clock").Str("outcome")));
        var old2007Live = await RegisterAsync(office, receivedOn: "2018-03-05", name: "导入庚（在线对照）");
        Assert.Equal(expected.ToString("yyyy-MM-dd"), (await DetailAsync(office, old2007Live.Id)).GetProperty("clock").Str("dueOn"));

        // Recorded by the importer, personal data encrypted like an online application's, one audit event with the counts.
        Assert.All(imported.GetProperty("history").EnumerateArray(), h => Assert.Equal("bangong", h.Str("recordedBy")));
        var stored = app.Db(db => db.Applications.AsNoTracking().Single(a => a.Id == IdOfRow(report, 2)));
        Assert.NotEqual(IdNumber, stored.IdNumber);
        Assert.DoesNotContain(Mobile, stored.Contact!, StringComparison.Ordinal);
        Assert.Equal(IdNumber, (await (await office.GetAsync($"/api/admin/applications/{stored.Id}/personal-data")).Content.ReadFromJsonAsync<JsonElement>()).Str("idNumber"));
        Assert.DoesNotContain(IdNumber, imported.GetRawText(), StringComparison.Ordinal);
        var audit = app.Db(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "ApplicationsImported").ToList());
        var entry = Assert.Single(audit, e => e.After!.Contains("历史申请.xlsx", StringComparison.Ordinal));
        Assert.Equal("bangong", entry.ActorName);
        Assert.Contains("\"imported\":2", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"refused\":5", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, string.Concat(app.Db(db => db.AuditEntries.AsNoTracking().Select(e => e.After ?? "").ToList())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("gb18030")]
    public async Task A_csv_in_utf8_with_bom_or_gb18030_imports_its_chinese_cells(string encoding)
    {
        var name = $"导入CSV{encoding}：明湖区“某某”科技有限公司";
        var rows = new[] { Row(name, ("申请人类型", "商业企业"), ("收件渠道", "电子邮件"), ("申请内容", "关于2025年度，校舍维修的招标文件"), ("办理部门", "区教育局")) };
        var file = encoding == "gb18030" ? Csv(rows, Gb18030, bom: false) : Csv(rows, new UTF8Encoding(false), bom: true);
        if (encoding == "gb18030") Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(file)); // really not UTF-8
        using var office = await app.ApiAs("bangong");
        var report = await ReportAsync(await PostApiAsync(office, file, "applications.csv"));
        Assert.True(report.GetProperty("imported").GetInt32() == 1, report.GetRawText());
        var stored = app.Db(db => db.Applications.AsNoTracking().Single(a => a.ApplicantName == name));
        Assert.Equal("关于2025年度，校舍维修的招标文件", stored.Description);
        Assert.Equal(Gongkai.Domain.Applications.ReceiptChannel.Email, stored.Channel);
        Assert.Equal(report.GetProperty("importedRows")[0].Str("dueOn"), stored.DueOn?.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_no_duplicates_by_original_code_or_by_the_rows_key_fields()
    {
        var rows = new[]
        {
            Row("重复甲", ("原跟踪码", "2026-YS-0012"), ("答复日期", "2026-03-02"), ("办理结果", "予以公开")),
            Row("重复乙"),
        };
        using var office = await app.ApiAs("bangong");
        var first = await ReportAsync(await PostApiAsync(office, Xlsx(rows), "重复.xlsx"));
        Assert.Equal(2, first.GetProperty("imported").GetInt32());

        // The same file, and the first row again with a corrected text but the same 原跟踪码.
        var second = await ReportAsync(await PostApiAsync(office, Xlsx(rows), "重复.xlsx"));
        var third = await ReportAsync(await PostApiAsync(office, Xlsx([Row("重复甲", ("原跟踪码", "2026-ys-0012 "), ("申请内容", "改过的申请内容"))]), "重复2.xlsx"));
        Assert.Equal((0, 0), (second.GetProperty("imported").GetInt32(), third.GetProperty("imported").GetInt32()));
        Assert.Equal([2, 3], second.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("row").GetInt32()));
        Assert.Equal(IdOfRow(first, 2), third.GetProperty("skipped")[0].GetProperty("id").GetInt64());
        Assert.Empty(Refused(second));
        Assert.Equal(1, app.Db(db => db.Applications.Count(a => a.ApplicantName == "重复甲")));
        Assert.Equal(1, app.Db(db => db.Applications.Count(a => a.ApplicantName == "重复乙")));

        // The same application twice in one file goes in once.
        var twice = await ReportAsync(await PostApiAsync(office, Xlsx([Row("重复丙"), Row("重复丙")]), "两次.xlsx"));
        Assert.Equal(1, twice.GetProperty("imported").GetInt32());
        Assert.Equal([(3, "申请内容")], Refused(twice).Select(r => (r.Row, r.Column)));
    }

    [Fact]
    public async Task Only_the_office_may_import_and_a_check_saves_nothing()
    {
        var file = Xlsx([Row("权限甲")]);
        foreach (var user in new[] { "xinxiyuan", "shenheren", "jianduyuan" })
        {
            using var api = await app.ApiAs(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostApiAsync(api, file, "a.xlsx")).StatusCode);
            using var browser = await app.SignedInAsync(user);
            Gongkai.Tests.Catalogue.Admin.AdminKit.AssertDenied(await browser.GetAsync("/admin/applications/import")); // pages answer with the denied page
            Gongkai.Tests.Catalogue.Admin.AdminKit.AssertDenied(await browser.GetAsync("/admin/applications/import/template.xlsx"));
        }
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostApiAsync(anonymous, file, "a.xlsx")).StatusCode);

        using var office = await app.ApiAs("bangong");
        var check = await ReportAsync(await PostApiAsync(office, file, "a.xlsx", dryRun: true));
        Assert.Equal((true, 1), (check.GetProperty("dryRun").GetBoolean(), check.GetProperty("imported").GetInt32()));
        Assert.False(app.Db(db => db.Applications.Any(a => a.ApplicantName == "权限甲")));
        Assert.Equal(0, app.Db(db => db.Applications.Count(a => a.ApplicantName == "权限甲")));
    }

    [Fact]
    public async Task A_file_with_wrong_headers_or_of_the_wrong_kind_is_refused_whole_with_a_chinese_problem()
    {
        using var office = await app.ApiAs("bangong");
        var misspelt = Xlsx([new Dictionary<string, object?> { ["收到日期"] = "2026-02-10", ["答复日其"] = "2026-03-01" }]);
        var response = await PostApiAsync(office, misspelt, "bad.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("缺少必填列", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("答复日其", problem.Str("detail"), StringComparison.Ordinal);

        var old = await PostApiAsync(office, [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3], "old.xls");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, old.StatusCode);
        Assert.Contains(".xls", (await old.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.ApplicationsTestKit;

namespace Gongkai.Tests.AnnualReports;

/// <summary>Table 二 from catalogue items, entered figures, who may edit, publication and the frozen published report.</summary>
public sealed class AnnualReportPublishTests(ApplicationsFactory app) : IClassFixture<ApplicationsFactory>
{
    private static async Task<JsonElement> Report(HttpClient client, int year, string body)
    {
        var response = await client.GetAsync($"/api/reports/annual/{year}?body={body}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static decimal Figure(JsonElement report, string key) =>
        report.GetProperty("tables").GetProperty("proactive").GetProperty("figures").GetProperty(key).GetDecimal();

    private static async Task<long> PublishItem(HttpClient admin, string kind, string writtenOn, string title)
    {
        var created = await admin.PostAsJsonAsync("/api/items", new
        {
            title, department = "jyj", writtenOn, category = "a20-01", kind, body = "<p>文件正文。</p>",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/items/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        return id;
    }

    [Fact]
    public async Task Table_2_counts_rules_and_normative_documents_and_publication_freezes_the_report()
    {
        using var admin = await app.ApiAs("admin");
        using var pages = await app.SignedInAsync("admin");
        var before = await Report(admin, 2025, "jyj");

        await PublishItem(admin, "Rule", "2025-04-01", "明湖区校外培训管理办法");
        var repealed = await PublishItem(admin, "NormativeDocument", "2024-05-01", "关于中小学收费的规定");
        var expired = await PublishItem(admin, "NormativeDocument", "2025-02-01", "关于学位分配的通知");
        await PublishItem(admin, "NormativeDocument", "2026-01-10", "关于2026年招生的通知");
        await PublishItem(admin, "Ordinary", "2025-03-01", "教育局工作动态");
        Assert.Equal(HttpStatusCode.Redirect, (await pages.ActAsync(repealed, "Validity", ("validity", "Repealed"), ("on", "2025-06-01"), ("confirm", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.ActAsync(expired, "Validity", ("validity", "Expired"), ("on", "2026-03-01"), ("confirm", "true"))).StatusCode);

        var after = await Report(admin, 2025, "jyj");
        var expected = new Dictionary<string, decimal>
        {
            ["rules.issued"] = 1, ["rules.repealed"] = 0, ["rules.in-force"] = 1,
            ["normative.issued"] = 1, ["normative.repealed"] = 1, ["normative.in-force"] = 1,
        };
        foreach (var (key, delta) in expected) Assert.True(Figure(after, key) - Figure(before, key) == delta, key);

        // The 2019 format counts made, published and the published total.
        var old = await Report(admin, 2020, "jyj");
        Assert.Equal("2019", old.GetProperty("format").GetString());
        Assert.Equal(0, Figure(old, "normative.made"));

        // Not filled yet: publication is refused with the failed checks.
        using var reviewer = await app.ApiAs("shenheren");
        var refused = await reviewer.PostAsync("/api/admin/reports/annual/2025/publish?body=jyj", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "proactive.filled");
        Assert.Contains("不能发布", problem.GetProperty("detail").GetString());

        // Bad figures: each refused with a Chinese message, nothing saved.
        var bad = await admin.PutAsJsonAsync("/api/admin/reports/annual/2025/figures?body=jyj", new Dictionary<string, object?>
        {
            ["licensing.decisions"] = new { value = -3, source = "审批系统" },
            ["penalty.decisions"] = new { value = 1.5, source = "执法系统" },
            ["coercion.decisions"] = new { value = 4 },
            ["rules.issued"] = new { value = 9, source = "手工" },
            ["nosuch.key"] = new { value = 1, source = "x" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(5, errors.EnumerateObject().Count());
        Assert.Contains("数据来源", errors.GetProperty("coercion.decisions")[0].GetString());
        Assert.Contains("自动统计", errors.GetProperty("rules.issued")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync("/api/admin/reports/annual/2025/figures?body=jyj",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        // Who may edit: another department's editor may not; this department's editor may.
        using var otherEditor = await app.ApiAs("minzheng");
        var figures = new Dictionary<string, object?>
        {
            ["licensing.decisions"] = new { value = 1200, source = "区行政审批局审批系统导出" },
            ["penalty.decisions"] = new { value = 35, source = "执法办案系统" },
            ["coercion.decisions"] = new { value = 0, source = "执法办案系统" },
            ["fees.amount"] = new { value = 12.5, source = "财务科" },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await otherEditor.PutAsJsonAsync("/api/admin/reports/annual/2025/figures?body=jyj", figures)).StatusCode);
        using var editor = await app.ApiAs("xinxiyuan");
        var saved = await editor.PutAsJsonAsync("/api/admin/reports/annual/2025/figures?body=jyj", figures);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var filled = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12.5m, Figure(filled, "fees.amount"));
        var cell = filled.GetProperty("tables").GetProperty("proactive").GetProperty("blocks")[1].GetProperty("rows")[0].GetProperty("cells")[0];
        Assert.Equal("区行政审批局审批系统导出", cell.GetProperty("source").GetString());
        Assert.All(filled.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean(), c.GetProperty("detail").GetString()));

        var sections = await editor.PutAsJsonAsync("/api/admin/reports/annual/2025/sections?body=jyj",
            new Dictionary<string, string?> { ["problems"] = "部分栏目更新不及时。\n\n下一年度将加强审核。" });
        Assert.Equal(HttpStatusCode.OK, sections.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PutAsJsonAsync("/api/admin/reports/annual/2025/sections?body=jyj",
            new Dictionary<string, string?> { ["chapter-9"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync("/api/admin/reports/annual/2025/sections?body=gov",
            new Dictionary<string, string?> { ["problems"] = "x" })).StatusCode);

        // An editor may not publish; the reviewer may, once everything passes.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/admin/reports/annual/2025/publish?body=jyj", null)).StatusCode);
        var live = await Report(app.Anonymous(), 2025, "jyj");
        var published = await reviewer.PostAsync("/api/admin/reports/annual/2025/publish?body=jyj", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var itemId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemId").GetInt64();

        using var anonymous = app.Anonymous();
        var title = live.GetProperty("title").GetString()!;
        Assert.Equal("区教育局2025年政府信息公开工作年度报告", title);
        Assert.Contains(title, await anonymous.GetStringAsync("/annual-reports?year=2025"));
        var page = await anonymous.GetStringAsync($"/items/{itemId}");
        Assert.Contains("申请人情况", page);
        Assert.Contains("rowspan=\"22\"", page);          // 三、本年度办理结果 over its 22 rows
        Assert.Contains("部分栏目更新不及时。", page);
        // The published page offers the same report as files, which anyone may download.
        Assert.Contains("/api/reports/annual/2025.docx?body=jyj", page);
        using (var docx = await anonymous.GetAsync("/api/reports/annual/2025.docx?body=jyj"))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("区行政审批局审批系统导出", (await Report(anonymous, 2025, "jyj")).GetProperty("tables").GetRawText());

        // Frozen: a late application changes nothing in the published report; edits and a second publication are refused.
        await RegisterAsync(admin, "2025-08-01", "jyj", description: "发布后才登记的2025年申请");
        var frozen = await Report(anonymous, 2025, "jyj");
        Assert.Equal("published", frozen.GetProperty("status").GetString());
        Assert.Equal(itemId, frozen.GetProperty("publishedItemId").GetInt64());
        Assert.Equal(live.GetProperty("tables").GetRawText(), frozen.GetProperty("tables").GetRawText());
        Assert.Equal(live.GetProperty("sections").GetRawText(), frozen.GetProperty("sections").GetRawText());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync("/api/admin/reports/annual/2025/figures?body=jyj", figures)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync("/api/admin/reports/annual/2025/publish?body=jyj", null)).StatusCode);
    }

    [Fact]
    public async Task The_government_report_counts_its_own_records_and_when_chosen_its_departments()
    {
        using var admin = await app.ApiAs("admin");
        var own = new[] { ("gov", "2023-03-01"), ("gov", "2023-05-02"), ("jyj", "2023-04-03"), ("minzj", "2023-06-05"), ("minzj", "2023-07-06"), ("minzj", "2023-08-07") };
        var i = 0;
        foreach (var (department, received) in own)
        {
            var a = await RegisterAsync(admin, received, department, description: $"2023年区政府年报测试申请{i++}");
            if (i % 2 == 0) await OkStepAsync(admin, a.Id, "reply", new { on = received[..8] + "20", outcome = "granted", text = "予以公开" });
        }

        static long[][] Cells(JsonElement r) => [.. r.GetProperty("tables").GetProperty("applications").GetProperty("rows").EnumerateArray()
            .Select(x => x.GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToArray())];
        var all = await Report(admin, 2023, "gov");
        Assert.True(all.GetProperty("includeDepartments").GetBoolean());
        Assert.Equal(6, Cells(all)[0][6]);

        var settings = await admin.PutAsJsonAsync("/api/admin/reports/annual/2023/settings?body=gov", new { includeDepartments = false });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var ownOnly = await Report(admin, 2023, "gov");
        Assert.Equal(2, Cells(ownOnly)[0][6]);

        // Government with departments = its own + each department's, cell by cell.
        var parts = new[] { Cells(ownOnly), Cells(await Report(admin, 2023, "jyj")), Cells(await Report(admin, 2023, "minzj")) };
        Assert.True((await admin.PutAsJsonAsync("/api/admin/reports/annual/2023/settings?body=gov", new { includeDepartments = true })).IsSuccessStatusCode);
        var whole = Cells(await Report(admin, 2023, "gov"));
        for (var r = 0; r < whole.Length; r++)
            for (var c = 0; c < 7; c++)
                Assert.Equal(parts.Sum(p => p[r][c]), whole[r][c]);

        // Only the government's report has the choice; only the office administrator edits it.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PutAsJsonAsync("/api/admin/reports/annual/2023/settings?body=jyj", new { includeDepartments = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/reports/annual/2023/settings?body=gov", new { })).StatusCode);
        using var editor = await app.ApiAs("xinxiyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync("/api/admin/reports/annual/2023/settings?body=gov", new { includeDepartments = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PutAsJsonAsync("/api/admin/reports/annual/2023/settings?body=gov", new { includeDepartments = false })).StatusCode);
    }
}

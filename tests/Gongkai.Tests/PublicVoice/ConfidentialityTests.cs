using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>
/// A conduct complaint about 教育局 (jyj) and its complainant stay with the supervision staff: the
/// department complained about (xinxiyuan), the office administrator (bangong) and a supervisor
/// (jianduyuan) find neither through pages, the API, search, the audit log or the notification log,
/// and no message about it goes to anyone but the complainant.
/// </summary>
public sealed class ConfidentialityTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    private static readonly string[] Outsiders = ["xinxiyuan", "bangong", "jianduyuan"];

    private sealed record Complaint(long Id, string Code, string Title, string Name, string Contact, string Staffed);

    /// <summary>A complaint from the portal, taken through its whole life by the inspector; a second one registered by the inspector (a staff write, so audited in full).</summary>
    private async Task<Complaint> FileAndInvestigateAsync()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var title = $"教育局窗口推诿扯皮{marker}";
        var name = $"李投诉{marker[..3]}";
        var contact = $"ts{marker}@example.com";
        using var citizen = app.Anonymous();
        var filed = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            title, content = $"区教育局办事窗口工作人员王某推诿，多次往返未办成。投诉人{name}。", name, contact, accusedDepartment = "jyj", accusedPerson = "王某",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

        using var inspector = await app.ApiAs("jiancha");
        var list = await inspector.GetFromJsonAsync<JsonElement>($"/api/admin/cases?kind=complaint&q={code}");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt64();
        await StepAsync(inspector, id, "accept");
        await StepAsync(inspector, id, "findings", new { finding = "substantiated", findings = $"经调查，{name}反映的情况属实。", sanctions = "对王某批评教育" });
        await StepAsync(inspector, id, "answer", new { text = "经调查，您反映的问题属实，已责成教育局整改。" });
        await StepAsync(inspector, id, "approve");
        await StepAsync(inspector, id, "close", new { note = "已整改" });

        var staffed = $"教育局收费不公示{marker}";
        var registered = await inspector.PostAsJsonAsync("/api/admin/cases", new
        {
            kind = "complaint", channel = "letter", title = staffed, content = "来信反映教育局收费不公示。", name, contact, accusedDepartment = "jyj",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return new Complaint(id, code, title, name, contact, staffed);
    }

    /// <param name="asked">What the URL itself asks for: a page may repeat its query.</param>
    private static void AssertNothingOf(Complaint c, string text, string where, string? asked = null)
    {
        foreach (var secret in new[] { c.Title, c.Name, c.Contact, c.Code, c.Staffed }.Where(s => s != asked))
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows “{secret}”.");
    }

    [Fact]
    public async Task Outsiders_find_the_complaint_through_no_api()
    {
        var c = await FileAndInvestigateAsync();
        foreach (var user in Outsiders)
        {
            using var api = await app.ApiAs(user);
            foreach (var url in new[] { "/api/admin/cases?kind=complaint", $"/api/admin/cases?q={c.Code}", "/api/admin/cases?pageSize=100", "/api/admin/cases?department=jyj&pageSize=100" })
            {
                var response = await api.GetAsync(url);
                AssertNothingOf(c, await response.Content.ReadAsStringAsync(), $"{user} {url}");
            }
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/admin/cases/{c.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/admin/cases/{c.Id}/notes", new { text = "看看" })).StatusCode);
            // Statistics (when present) count, never show.
            AssertNothingOf(c, await (await api.GetAsync($"/api/admin/cases/stats?kind=complaint")).Content.ReadAsStringAsync(), $"{user} stats");
        }
        // The control: the supervision staff do see it, complainant and all.
        using var inspector = await app.ApiAs("jiancha");
        var detail = await inspector.GetFromJsonAsync<JsonElement>($"/api/admin/cases/{c.Id}");
        Assert.Equal(c.Name, detail.GetProperty("citizenName").GetString());
    }

    [Fact]
    public async Task Outsiders_find_it_on_no_page()
    {
        var c = await FileAndInvestigateAsync();
        foreach (var user in Outsiders)
        {
            using var browser = await app.SignedInAsync(user);
            await browser.AssertPageDeniedAsync("/admin/complaints");
            await browser.AssertPageDeniedAsync($"/admin/complaints/{c.Id}");
            await browser.AssertPageDeniedAsync("/admin/inspections");
            foreach (var (url, asked) in new[] { ("/admin", null), ("/admin/cases", null), ($"/admin/cases?q={c.Code}", c.Code), ($"/admin/cases/{c.Id}", null),
                ("/admin/cases?kind=complaint", null), ("/admin/cases/statistics", null), ("/admin/cases/statistics?kind=complaint", null) })
            {
                var response = await browser.GetAsync(url);
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                AssertNothingOf(c, await response.Content.ReadAsStringAsync(), $"{user} {url}", asked);
            }
        }
        using var inspector = await app.SignedInAsync("jiancha");
        var list = await inspector.GetStringAsync($"/admin/complaints?status=&q={c.Code}");
        Assert.Contains(c.Title, list);
        var page = await inspector.GetStringAsync($"/admin/complaints/{c.Id}");
        Assert.Contains(c.Name, page);
        Assert.Contains("对王某批评教育", page);
    }

    [Fact]
    public async Task A_complaint_is_never_in_the_search_index()
    {
        var c = await FileAndInvestigateAsync();
        using var anonymous = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        foreach (var client in new[] { anonymous, office })
        {
            // The search page repeats the query, so each query is a word of the complaint that is not itself checked for.
            foreach (var (query, secrets) in new[] { ("推诿扯皮", new[] { c.Title, c.Name, c.Contact, c.Code }), (c.Name, new[] { c.Title, c.Contact, c.Code }), (c.Code, new[] { c.Title, c.Name, c.Contact }) })
            {
                foreach (var url in new[] { $"/search?q={Uri.EscapeDataString(query)}", $"/api/items?q={Uri.EscapeDataString(query)}" })
                {
                    var response = await client.GetAsync(url);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    var text = await response.Content.ReadAsStringAsync();
                    foreach (var secret in secrets) Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{url} shows “{secret}”.");
                }
            }
        }
    }

    [Fact]
    public async Task The_audit_log_keeps_that_a_complaint_changed_but_not_what_it_says()
    {
        var c = await FileAndInvestigateAsync();
        using var editor = await app.ApiAs("xinxiyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/audit")).StatusCode);
        using var editorBrowser = await app.SignedInAsync("xinxiyuan");
        await editorBrowser.AssertPageDeniedAsync("/admin/audit");

        foreach (var user in new[] { "bangong", "jianduyuan" })
        {
            using var api = await app.ApiAs(user);
            var log = await api.GetFromJsonAsync<JsonElement>("/api/audit?entityType=VoiceCase&pageSize=500");
            // The rows are there (the inspector's registration and every step), only their values are not.
            var rows = log.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("actorName").GetString() == "jiancha").ToList();
            Assert.Contains(rows, e => e.GetProperty("action").GetString() == "Created");
            Assert.Contains(rows, e => e.GetProperty("entityId").GetString() == c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AssertNothingOf(c, log.GetRawText(), $"{user} /api/audit VoiceCase");
            var events = await api.GetStringAsync("/api/audit?entityType=CaseEvent&pageSize=500");
            Assert.Contains("CaseEvent", events);
            AssertNothingOf(c, events, $"{user} /api/audit CaseEvent");
            Assert.DoesNotContain("对王某批评教育", events);
            AssertNothingOf(c, await api.GetStringAsync("/api/audit?pageSize=500"), $"{user} /api/audit");
            using var browser = await app.SignedInAsync(user);
            AssertNothingOf(c, await browser.GetStringAsync("/admin/audit"), $"{user} /admin/audit");
        }
    }

    [Fact]
    public async Task Messages_about_a_complaint_go_to_the_complainant_alone_and_the_office_cannot_read_them()
    {
        var c = await FileAndInvestigateAsync();
        var messages = app.Db(db => db.Notifications.Where(n => n.Reference!.StartsWith($"case:{c.Id}:")).Select(n => n.Recipient).ToList());
        Assert.NotEmpty(messages);
        Assert.All(messages, r => Assert.Equal(c.Contact, r));
        var mentioning = app.Db(db => db.Notifications.Where(n => n.Subject.Contains(c.Title) || n.Body.Contains(c.Code)).Select(n => n.Recipient).ToList());
        Assert.All(mentioning, r => Assert.Equal(c.Contact, r));

        using var office = await app.SignedInAsync("bangong");
        var log = await office.GetStringAsync("/admin/notifications");
        Assert.Contains("效能投诉办理通知", log);
        AssertNothingOf(c, log, "/admin/notifications");
    }

    [Fact]
    public async Task The_inspector_investigates_on_the_complaint_page_without_javascript()
    {
        using var citizen = app.Anonymous();
        var title = "窗口拖延办理" + Guid.NewGuid().ToString("N")[..6];
        var filed = await citizen.PostAsJsonAsync("/api/complaints", new { title, content = "拖延办理。", name = "周投诉", contact = "13611112222", accusedDepartment = "jyj" });
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        using var api = await app.ApiAs("jiancha");
        var id = (await api.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={code}")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var url = $"/admin/complaints/{id}";
        using var browser = await app.SignedInAsync("jiancha");

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(url, [new("step", "accept")])).StatusCode);
        var missing = await browser.PostFormAsync(url, [new("step", "findings"), new("FindingsText", "已核实")]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Contains("已核实", html);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(url, [new("step", "findings"), new("Finding", "partly-substantiated"), new("FindingsText", "部分属实，已核实"), new("Sanctions", "责令整改")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(url, [new("step", "answer"), new("Text", "经调查部分属实，已责令整改。")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(url, [new("step", "approve")])).StatusCode);
        var unconfirmed = await browser.PostFormAsync(url, [new("step", "close")]);
        Assert.Contains("请勾选确认后再办结", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(url, [new("step", "close"), new("Confirm", "true")])).StatusCode);

        var page = await browser.GetStringAsync(url);
        Assert.Contains("已办结", page);
        Assert.Contains("部分属实", page);
        Assert.Contains("责令整改", page);
        // Another kind of case is not shown here.
        using var office = await app.ApiAs("bangong");
        var opinion = await FileOpinionAsync(citizen, office);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/complaints/{opinion.Id}")).StatusCode);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>Supervisors (监督员): the registry, meetings with attendance, and their suggestions' outcomes.</summary>
public sealed class SupervisorTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    private DateOnly Today => ChinaTime.Today(app.Clock);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<long> RegisterAsync(HttpClient office, string name, DateOnly start, DateOnly end, string? contact = "13912345678")
    {
        var response = await office.PostAsJsonAsync("/api/admin/supervisors", new { name, affiliation = "区人大代表、某公司经理", contact, termStart = D(start), termEnd = D(end) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_office_keeps_the_registry_with_contacts_encrypted_and_in_term_first()
    {
        using var office = await app.ApiAs("bangong");
        var marker = Guid.NewGuid().ToString("N")[..4];
        var past = await RegisterAsync(office, "甲往届" + marker, Today.AddYears(-4), Today.AddYears(-1));
        var current = await RegisterAsync(office, "乙本届" + marker, Today.AddYears(-1), Today.AddYears(2), "13987654321");

        var list = await office.GetFromJsonAsync<JsonElement>("/api/admin/supervisors");
        var ids = list.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.True(ids.IndexOf(current) < ids.IndexOf(past), "in-term supervisors come first");
        var row = list.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == current);
        Assert.True(row.GetProperty("inTerm").GetBoolean());
        Assert.DoesNotContain("13987654321", list.GetRawText());
        Assert.Contains("*", row.GetProperty("contactMasked").GetString());
        var stored = app.Db(db => db.Supervisors.Single(s => s.Id == current).Contact);
        Assert.NotNull(stored);
        Assert.DoesNotContain("13987654321", stored);

        // An update without a contact keeps the stored one.
        var updated = await office.PutAsJsonAsync($"/api/admin/supervisors/{current}", new { name = "乙本届" + marker, affiliation = "区政协委员", termStart = D(Today.AddYears(-1)), termEnd = D(Today.AddYears(2)) });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(stored, app.Db(db => db.Supervisors.Single(s => s.Id == current).Contact));
        Assert.Equal("区政协委员", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("affiliation").GetString());

        var wrong = await office.PostAsJsonAsync("/api/admin/supervisors", new { name = "丙", affiliation = "x", contact = "不是电话", termStart = D(Today), termEnd = D(Today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("任期结束日期不能早于开始日期", errors.GetProperty("termEnd")[0].GetString());
        Assert.Equal("联系方式应为手机号码、固定电话或电子邮箱", errors.GetProperty("contact")[0].GetString());

        foreach (var user in new[] { "jiancha", "xinxiyuan", "jianduyuan" })
        {
            using var other = await app.ApiAs(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/admin/supervisors")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/admin/supervisor-meetings")).StatusCode);
        }
        using var page = await app.SignedInAsync("bangong");
        var html = await page.GetStringAsync("/admin/supervisors");
        Assert.True(html.IndexOf("乙本届" + marker, StringComparison.Ordinal) < html.IndexOf("甲往届" + marker, StringComparison.Ordinal));
        Assert.DoesNotContain("13987654321", html);
        using var editor = await app.SignedInAsync("xinxiyuan");
        await editor.AssertPageDeniedAsync("/admin/supervisors");
    }

    [Fact]
    public async Task A_suggestion_and_its_outcome_show_on_the_supervisor()
    {
        using var office = await app.ApiAs("bangong");
        var supervisor = await RegisterAsync(office, "丁监督员", Today.AddYears(-1), Today.AddYears(1));
        var title = "建议学校周边增设护学岗" + Guid.NewGuid().ToString("N")[..4];
        var registered = await office.PostAsJsonAsync("/api/admin/cases", new { kind = "suggestion", supervisorId = supervisor, title, content = "上下学时段学校门口车流大，建议增设护学岗。" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var code = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var id = (await office.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={code}")).GetProperty("items")[0].GetProperty("id").GetInt64();

        var before = await office.GetFromJsonAsync<JsonElement>($"/api/admin/supervisors/{supervisor}");
        var open = before.GetProperty("suggestions").EnumerateArray().Single();
        Assert.Equal(code, open.GetProperty("trackingCode").GetString());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("outcome").ValueKind);

        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        await StepAsync(office, id, "assign", new { departments = new[] { "jyj" } });
        await StepAsync(editor, id, "accept");
        await StepAsync(editor, id, "answer", new { text = "已在三所学校门口设立护学岗。" });
        await StepAsync(reviewer, id, "approve");
        await StepAsync(office, id, "approve");
        await StepAsync(office, id, "close", new { outcome = "adopted" });

        var after = await office.GetFromJsonAsync<JsonElement>($"/api/admin/supervisors/{supervisor}");
        var closed = after.GetProperty("suggestions").EnumerateArray().Single();
        Assert.Equal("adopted", closed.GetProperty("outcome").GetString());
        Assert.Equal("区教育局", closed.GetProperty("department").GetString());

        using var page = await app.SignedInAsync("bangong");
        var html = await page.GetStringAsync($"/admin/supervisors/{supervisor}");
        Assert.Contains(title, html);
        Assert.Contains(closed.GetProperty("outcomeName").GetString()!, html);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/admin/supervisors/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/admin/supervisors/999999")).StatusCode);
    }

    [Fact]
    public async Task Meetings_keep_minutes_and_attendance()
    {
        using var office = await app.ApiAs("bangong");
        var a = await RegisterAsync(office, "戊出席", Today.AddYears(-1), Today.AddYears(1));
        var b = await RegisterAsync(office, "己请假", Today.AddYears(-1), Today.AddYears(1));
        var title = "第三季度监督员座谈会" + Guid.NewGuid().ToString("N")[..4];
        var created = await office.PostAsJsonAsync("/api/admin/supervisor-meetings", new
        {
            heldOn = D(Today), title, place = "区政府三楼会议室", minutes = "通报上季度建议办理情况。",
            attendance = new object[] { new { supervisorId = a, present = true }, new { supervisorId = b, present = false, note = "出差请假" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meetings = await office.GetFromJsonAsync<JsonElement>("/api/admin/supervisor-meetings");
        var m = meetings.EnumerateArray().Single(x => x.GetProperty("title").GetString() == title);
        var attendance = m.GetProperty("attendance").EnumerateArray().ToList();
        Assert.True(attendance.Single(x => x.GetProperty("supervisorId").GetInt64() == a).GetProperty("present").GetBoolean());
        Assert.Equal("出差请假", attendance.Single(x => x.GetProperty("supervisorId").GetInt64() == b).GetProperty("note").GetString());

        var unknown = await office.PostAsJsonAsync("/api/admin/supervisor-meetings", new
        {
            heldOn = D(Today), title = "x", place = "y", minutes = "z", attendance = new object[] { new { supervisorId = 987654, present = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("没有编号为 987654 的监督员", await unknown.Content.ReadAsStringAsync());

        // The page: a meeting recorded through the form, attendance per supervisor.
        using var page = await app.SignedInAsync("bangong");
        var pageTitle = "监督员年度会议" + Guid.NewGuid().ToString("N")[..4];
        var missing = await page.PostFormAsync("/admin/supervisors/meetings", [new("HeldOn", D(Today)), new("Title", pageTitle)]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("请填写会议纪要", await missing.Content.ReadAsStringAsync());
        var saved = await page.PostFormAsync("/admin/supervisors/meetings",
        [
            new("HeldOn", D(Today)), new("Title", pageTitle), new("Place", "会议室"), new("Minutes", "审议年度工作要点。"),
            new($"Attendance[{a}]", "present"), new($"Attendance[{b}]", "absent"), new($"AttendanceNote[{b}]", "病假"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await page.GetStringAsync("/admin/supervisors/meetings");
        Assert.Contains(pageTitle, html);
        Assert.Contains("己请假（病假）", html);
    }

    [Fact]
    public async Task The_registry_form_re_renders_with_chinese_messages()
    {
        using var page = await app.SignedInAsync("bangong");
        var refused = await page.PostFormAsync("/admin/supervisors/new", [new("Name", "庚"), new("TermStart", "2026-13-01")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写单位及职务", html);
        Assert.Contains("无效，格式应为 YYYY-MM-DD", html);
        Assert.Contains("value=\"庚\"", html);
        var saved = await page.PostFormAsync("/admin/supervisors/new",
            [new("Name", "辛新任"), new("Affiliation", "社区居民代表"), new("Contact", "xin@example.com"), new("TermStart", D(Today)), new("TermEnd", D(Today.AddYears(3)))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = await page.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("辛新任", detail);
        Assert.DoesNotContain("xin@example.com", detail);
    }
}

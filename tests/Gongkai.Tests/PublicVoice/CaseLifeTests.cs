using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>The harder turns of a case: hand-overs, rejected answers, unsatisfied citizens, duplicates, links, files and bad input.</summary>
public sealed class CaseLifeTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    private static async Task<HttpResponseMessage> Post(HttpClient client, long id, string step, object body) =>
        await client.PostAsJsonAsync($"/api/admin/cases/{id}/{step}", body);

    private static async Task<JsonElement> Detail(HttpClient client, long id) => await client.GetFromJsonAsync<JsonElement>($"/api/admin/cases/{id}");

    private static HttpRequestMessage Own(HttpMethod method, string url, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("X-Access-Key", key);
        return request;
    }

    [Fact]
    public async Task A_department_returns_and_asks_for_a_transfer_and_every_hand_over_is_on_the_timeline()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        using var jyj = await app.ApiAs("xinxiyuan");
        using var minzj = await app.ApiAs("minzheng");
        var filed = await FileOpinionAsync(citizen, office, title: "低保申请进度咨询");

        await StepAsync(office, filed.Id, "assign", new { departments = new[] { "jyj" } });
        // A return needs a reason; with one the case is back with the office and the department no longer sees it.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(jyj, filed.Id, "return", new { reason = " " })).StatusCode);
        Assert.Equal("received", (await StepAsync(jyj, filed.Id, "return", new { reason = "不属于教育局职责，应由民政局办理" })).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await jyj.GetAsync($"/api/admin/cases/{filed.Id}")).StatusCode);

        await StepAsync(office, filed.Id, "assign", new { departments = new[] { "jyj" } });
        var asked = await StepAsync(jyj, filed.Id, "transfer", new { department = "minzj", reason = "低保由民政局负责" });
        Assert.Equal("transfer-requested", asked.GetProperty("status").GetString());
        // The office agrees by assigning it to the department asked for.
        await StepAsync(office, filed.Id, "assign", new { departments = new[] { "minzj" } });
        Assert.Equal("handling", (await StepAsync(minzj, filed.Id, "accept")).GetProperty("status").GetString());

        var detail = await Detail(office, filed.Id);
        var kinds = detail.GetProperty("timeline").EnumerateArray().Select(l => l.GetProperty("kindName").GetString()).ToList();
        Assert.Equal(["收到", "分办", "退回公开办", "分办", "申请转办", "分办", "签收"], kinds);
        Assert.Equal("区民政局", detail.GetProperty("department").GetString());
        var assignments = detail.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Single(assignments, a => a.GetProperty("active").GetBoolean());

        // The citizen sees the hand-overs without staff names.
        var track = await (await citizen.SendAsync(Own(HttpMethod.Get, $"/api/opinions/{filed.TrackingCode}", filed.AccessKey))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(track.GetProperty("timeline").EnumerateArray(), l => Assert.Equal("", l.GetProperty("by").GetString()));
        Assert.Equal("办理中", track.GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task An_unsatisfied_citizen_reopens_once_and_the_office_sends_it_back_with_a_new_deadline()
    {
        using var citizen = app.Anonymous();
        var office = await app.ApiAs("bangong");
        var editor = await app.ApiAs("xinxiyuan");
        var reviewer = await app.ApiAs("shenheren");
        var filed = await FileOpinionAsync(citizen, office, title: "学校周边交通拥堵");
        await StepAsync(office, filed.Id, "assign", new { departments = new[] { "jyj" } });
        await StepAsync(editor, filed.Id, "accept");
        await StepAsync(editor, filed.Id, "answer", new { text = "已转交交警部门研究。" });
        // The reviewer sends the draft back; then approves the second one; the office checks it.
        Assert.Equal("handling", (await StepAsync(reviewer, filed.Id, "reject", new { reason = "答复过于简单，请写明具体措施" })).GetProperty("status").GetString());
        await StepAsync(editor, filed.Id, "answer", new { text = "上下学时段增派两名交通协管员，并在路口设置临时停车区。" });
        await StepAsync(reviewer, filed.Id, "approve");
        await StepAsync(office, filed.Id, "approve");

        async Task<HttpResponseMessage> Citizen(string path, object body) =>
            await citizen.SendAsync(Own(HttpMethod.Post, $"/api/opinions/{filed.TrackingCode}/{path}", filed.AccessKey, JsonContent.Create(body)));

        // Reopening needs an unsatisfied rating first.
        Assert.Equal(HttpStatusCode.Conflict, (await Citizen("reopen", new { reason = "没有解决" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen("rating", new { rating = "很好" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Citizen("rating", new { rating = "unsatisfied", comment = "协管员只来了一天" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Citizen("rating", new { rating = "satisfied" })).StatusCode);
        var reopened = await (await Citizen("reopen", new { reason = "问题依旧" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reopened", reopened.GetProperty("status").GetString());

        // Three days later (bearer tokens last hours: sign in again).
        app.Clock.Advance(TimeSpan.FromDays(3));
        foreach (var c in new[] { office, editor, reviewer }) c.Dispose();
        using var officeLater = office = await app.ApiAs("bangong");
        using var editorLater = editor = await app.ApiAs("xinxiyuan");
        using var reviewerLater = reviewer = await app.ApiAs("shenheren");
        var today = ChinaTime.Today(app.Clock);
        var back = await StepAsync(office, filed.Id, "send-back", new { reason = "请实地核查后重新答复", dueInWorkingDays = 5 });
        Assert.Equal("handling", back.GetProperty("status").GetString());
        Assert.Equal(WorkingDayCalendar.Official.AddWorkingDays(today, 5).Due.ToString("yyyy-MM-dd"), back.GetProperty("dueOn").GetString());
        await StepAsync(editor, filed.Id, "answer", new { text = "经实地核查，已固定安排协管员，每日两次。" });
        await StepAsync(reviewer, filed.Id, "approve");
        await StepAsync(office, filed.Id, "approve");
        // A new answer can be rated again, but the case cannot be reopened a second time.
        Assert.Equal(HttpStatusCode.OK, (await Citizen("rating", new { rating = "unsatisfied" })).StatusCode);
        var second = await Citizen("reopen", new { reason = "还是不满意" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("只能申请重新办理一次", await second.Content.ReadAsStringAsync());

        await StepAsync(office, filed.Id, "follow-up", new { text = "电话回访：来信人表示情况已改善。" });
        Assert.Equal("closed", (await StepAsync(office, filed.Id, "close", new { note = "已回访" })).GetProperty("status").GetString());
        var detail = await Detail(office, filed.Id);
        Assert.Equal(1, detail.GetProperty("reopenCount").GetInt32());
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), l => l.GetProperty("kindName").GetString() == "发回重办");
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), l => l.GetProperty("kindName").GetString() == "回访" && l.GetProperty("internal").GetBoolean());
    }

    [Fact]
    public async Task Publication_needs_consent_and_no_personal_data()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        var noConsent = await FileOpinionAsync(citizen, office, title: "不同意公开的来信", consent: false);
        var consent = await FileOpinionAsync(citizen, office, title: "同意公开的来信");
        foreach (var f in new[] { noConsent, consent }) await AnswerAsync(office, f.Id);

        var refused = await Post(office, noConsent.Id, "publish", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("未同意公开", await refused.Content.ReadAsStringAsync());

        var leaking = await Post(office, consent.Id, "publish", new { answer = "请联系张老师，电话13912345678。" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, leaking.StatusCode);
        Assert.Contains("手机号码", await leaking.Content.ReadAsStringAsync());
        Assert.False((await Detail(office, consent.Id)).GetProperty("published").GetBoolean());

        await StepAsync(office, consent.Id, "publish", new { title = "关于路灯维修的答复", answer = "已修复。" });
        var page = await citizen.GetFromJsonAsync<JsonElement>("/api/opinions/published?q=路灯维修");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("已修复。", item.GetProperty("answer").GetString());
        Assert.DoesNotContain("张三", page.GetRawText());
        Assert.DoesNotContain("138", page.GetRawText());

        await StepAsync(office, consent.Id, "unpublish", new { reason = "来信人要求撤回" });
        Assert.Equal(0, (await citizen.GetFromJsonAsync<JsonElement>("/api/opinions/published?q=路灯维修")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Duplicates_are_merged_and_links_show_on_both_cases()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        var first = await FileOpinionAsync(citizen, office, title: "幸福路噪声扰民");
        var repeat = await FileOpinionAsync(citizen, office, title: "幸福路工地夜间施工噪声");
        var related = await FileOpinionAsync(citizen, office, title: "幸福路施工许可");

        var merged = await StepAsync(office, repeat.Id, "merge", new { into = first.TrackingCode });
        Assert.Equal("merged", merged.GetProperty("status").GetString());
        Assert.Equal(first.TrackingCode, (await Detail(office, repeat.Id)).GetProperty("mergedInto").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Post(office, repeat.Id, "assign", new { departments = new[] { "jyj" } })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await Post(office, first.Id, "links", new { type = "case", target = related.TrackingCode, note = "同一工地" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(office, first.Id, "links", new { type = "case", target = related.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(office, first.Id, "links", new { type = "application", target = "YS2026-NOTHERE" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(office, first.Id, "links", new { type = "weibo", target = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(office, first.Id, "links", new { type = "consultation", target = "ZQ2026-007", note = "征求意见中的同类意见" })).StatusCode);

        var onFirst = (await Detail(office, first.Id)).GetProperty("links").EnumerateArray().ToList();
        var onRelated = (await Detail(office, related.Id)).GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, onFirst.Count);
        Assert.Contains(onRelated, l => l.GetProperty("target").GetString() == first.Id.ToString() && l.GetProperty("type").GetString() == "case");
        Assert.Contains((await Detail(office, first.Id)).GetProperty("timeline").EnumerateArray(), l => l.GetProperty("kindName").GetString() == "合并重复件");
    }

    [Fact]
    public async Task A_complaint_is_investigated_and_closed_by_the_supervision_staff()
    {
        using var citizen = app.Anonymous();
        using var inspector = await app.ApiAs("jiancha");
        using var office = await app.ApiAs("bangong");
        var response = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            title = "审批窗口吃拿卡要", content = "办理许可时被要求请客，否则拖延不办。", name = "赵六", contact = "zhao6@example.cn", accusedDepartment = "jyj", accusedPerson = "窗口工作人员",
        });
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        Assert.StartsWith("TS", code);
        var id = (await inspector.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={code}")).GetProperty("items")[0].GetProperty("id").GetInt64();

        // Not assigned to departments; the office administrator cannot even see it.
        Assert.Equal(HttpStatusCode.NotFound, (await Post(office, id, "assign", new { departments = new[] { "jyj" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(inspector, id, "assign", new { departments = new[] { "jyj" } })).StatusCode);
        await StepAsync(inspector, id, "accept");
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(inspector, id, "findings", new { finding = "maybe", findings = "x" })).StatusCode);
        await StepAsync(inspector, id, "findings", new { finding = "substantiated", findings = "经调查，反映情况属实。", sanctions = "对当事人诫勉谈话，通报批评" });
        await StepAsync(inspector, id, "answer", new { text = "经调查，您反映的问题属实，已严肃处理。" });
        Assert.Equal("answered", (await StepAsync(inspector, id, "approve")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Post(inspector, id, "publish", new { })).StatusCode);
        Assert.Equal("closed", (await StepAsync(inspector, id, "close", new { })).GetProperty("status").GetString());

        var detail = await Detail(inspector, id);
        Assert.Equal("属实", detail.GetProperty("complaint").GetProperty("findingName").GetString());
        Assert.Equal("区教育局", detail.GetProperty("complaint").GetProperty("accusedDepartment").GetString());
        Assert.Equal("赵六", detail.GetProperty("citizenName").GetString());
        // The answer went to the complainant, not to anyone in the department.
        var notices = app.Db(db => db.Notifications.Select(n => n.Recipient).ToList());
        Assert.Contains("zhao6@example.cn", notices);
    }

    [Fact]
    public async Task Citizens_and_staff_attach_files_that_only_readers_of_the_case_download()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        using var other = await app.ApiAs("minzheng");
        var filed = await FileOpinionAsync(citizen, office, title: "附件测试：破损路面");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3 };

        MultipartFormDataContent Form(byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
            return form;
        }

        var ok = await citizen.SendAsync(Own(HttpMethod.Post, $"/api/opinions/{filed.TrackingCode}/attachments", filed.AccessKey, Form(png, "路面.png")));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var fake = await citizen.SendAsync(Own(HttpMethod.Post, $"/api/opinions/{filed.TrackingCode}/attachments", filed.AccessKey, Form("<script>alert(1)</script>"u8.ToArray(), "照片.png")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, fake.StatusCode);
        Assert.Contains("扩展名与文件内容不符", await fake.Content.ReadAsStringAsync());
        var exe = await citizen.SendAsync(Own(HttpMethod.Post, $"/api/opinions/{filed.TrackingCode}/attachments", filed.AccessKey, Form(png, "virus.exe")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.StatusCode);
        var wrongKey = await citizen.SendAsync(Own(HttpMethod.Post, $"/api/opinions/{filed.TrackingCode}/attachments", "AAAAA-BBBBB-CCCCC-DDDDD", Form(png, "a.png")));
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);

        var attachment = Assert.Single((await Detail(office, filed.Id)).GetProperty("attachments").EnumerateArray());
        Assert.True(attachment.GetProperty("fromCitizen").GetBoolean());
        var url = attachment.GetProperty("url").GetString()!;
        var download = await office.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync(url)).StatusCode);
        // The staff pages download the same file with their sign-in cookie.
        using var officePages = await app.SignedInAsync("bangong");
        Assert.Equal(png, await officePages.GetByteArrayAsync(url));
    }

    [Fact]
    public async Task Bad_steps_answer_in_chinese_and_change_nothing()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        using var editor = await app.ApiAs("xinxiyuan");
        var filed = await FileOpinionAsync(citizen, office, title: "<script>alert('x')</script>路灯");

        var unknownDept = await Post(office, filed.Id, "assign", new { departments = new[] { "nosuch" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownDept.StatusCode);
        Assert.Contains("没有代码为“nosuch”的部门", await unknownDept.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(office, filed.Id, "assign", new { departments = new[] { "jyj" }, dueInWorkingDays = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(office, filed.Id, "assign", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(office, filed.Id, "close", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(office, 999_999, "accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(editor, filed.Id, "accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/admin/cases?kind=petition")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/admin/cases?pageSize=1000")).StatusCode);
        var badContact = await citizen.PostAsJsonAsync("/api/opinions", new { title = "t", content = "c", contact = "call me" });
        Assert.Contains("联系方式应为", await badContact.Content.ReadAsStringAsync());

        var detail = await Detail(office, filed.Id);
        Assert.Equal("received", detail.GetProperty("status").GetString());
        Assert.Single(detail.GetProperty("timeline").EnumerateArray());
        // Text is kept as typed; the pages escape it.
        Assert.Equal("<script>alert('x')</script>路灯", detail.GetProperty("title").GetString());
    }

    private async Task AnswerAsync(HttpClient office, long id)
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        await StepAsync(office, id, "assign", new { departments = new[] { "jyj" } });
        await StepAsync(editor, id, "accept");
        await StepAsync(editor, id, "answer", new { text = "已安排维修。" });
        await StepAsync(reviewer, id, "approve");
        await StepAsync(office, id, "approve");
    }
}

/// <summary>Two submissions an hour per address, to see the third refused in Chinese.</summary>
public sealed class StrictVoiceLimitFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Gongkai:PublicVoice:SubmissionsPerHour", "2"), new("Gongkai:Applications:CloseLapsedApplications", "false")];
}

public sealed class CaseFloodTests(StrictVoiceLimitFactory app) : IClassFixture<StrictVoiceLimitFactory>
{
    [Fact]
    public async Task A_flood_from_one_address_gets_429_in_chinese_and_keeps_what_was_filed()
    {
        using var citizen = app.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            codes.Add((await citizen.PostAsJsonAsync(i == 1 ? "/api/complaints" : "/api/opinions",
                new { title = $"第{i}件", content = "内容", name = "张三", contact = "13812345678", accusedPerson = "某人" })).StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], codes);
        var last = await citizen.PostAsJsonAsync("/api/opinions", new { title = "再来", content = "内容" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Matches("[\u4e00-\u9fff]", await last.Content.ReadAsStringAsync());
        Assert.Equal(2, app.Db(db => db.Cases.Count()));
    }
}

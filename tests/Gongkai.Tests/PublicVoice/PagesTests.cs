using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>
/// The portal and back-office pages of the case engine, the way a browser without JavaScript uses
/// them: the human check, forms refused with Chinese messages and nothing lost, escaping, and the
/// access rule on the staff pages.
/// </summary>
public sealed partial class PagesTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    [Fact]
    public async Task A_citizen_writes_through_the_form_gets_a_receipt_and_tracks_the_letter()
    {
        using var citizen = app.Anonymous();
        var title = "公园厕所长期关闭" + Guid.NewGuid().ToString("N")[..6];
        var form = await OpenFormAsync(citizen, "/opinions/new");
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var response = await form.PostAsync(citizen, Letter(title), answer: form.Answer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/opinions/submitted", response.Headers.Location?.OriginalString);

        var receipt = await citizen.GetStringAsync("/opinions/submitted");
        var code = Regex.Match(receipt, "id=\"tracking-code\">([^<]+)<").Groups[1].Value;
        var key = Regex.Match(receipt, "id=\"access-key\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^MY\\d{4}-", code);
        Assert.NotEmpty(key);
        // Shown once: a second look has no key.
        Assert.DoesNotContain(key, await citizen.GetStringAsync("/opinions/submitted"));

        var tracked = await citizen.PostFormAsync("/opinions/track", [new("TrackingCode", code), new("AccessKey", key)]);
        var page = await tracked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains(title, page);
        Assert.Contains("待分办", page);

        var wrong = await citizen.PostFormAsync("/opinions/track", [new("TrackingCode", code), new("AccessKey", "WRONG-KEY")]);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("没有找到该事项", await wrong.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("wrong", "验证题答案不正确")]
    [InlineData("fast", "提交过快")]
    [InlineData("honeypot", "未能通过验证")]
    [InlineData("forged", "验证题已过期")]
    public async Task A_failed_human_check_keeps_the_text_and_files_nothing(string how, string message)
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        var title = "小区噪声扰民" + Guid.NewGuid().ToString("N")[..6];
        var form = await OpenFormAsync(citizen, "/opinions/new");
        if (how != "fast") app.Clock.Advance(TimeSpan.FromSeconds(5));
        var answer = how == "wrong" ? (int.Parse(form.Answer) + 1).ToString() : form.Answer;
        var response = await form.PostAsync(citizen, Letter(title), answer,
            honeypot: how == "honeypot" ? "http://spam.example" : null, token: how == "forged" ? "not-a-token" : null);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page);
        Assert.Contains($"value=\"{title}\"", page);
        Assert.Contains("晚上十点以后还在施工", page);
        // A new question comes with the refusal.
        Assert.Matches("id=\"human-question\">[^<]+等于几？<", page);
        var list = await office.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={Uri.EscapeDataString(title)}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_input_re_renders_with_chinese_messages_and_keeps_the_solved_question()
    {
        using var citizen = app.Anonymous();
        var form = await OpenFormAsync(citizen, "/opinions/new");
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var response = await form.PostAsync(citizen, [new("Input.Title", ""), new("Input.Content", "只有内容"), new("Input.Contact", "不是电话")], form.Answer);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写标题", page);
        Assert.Contains("联系方式应为手机号码、固定电话或电子邮箱", page);
        Assert.Contains("只有内容", page);
        // The answered question stays (still valid), so the citizen need not solve another.
        Assert.Contains($"value=\"{form.Token}\"", page);

        // A complaint without name and contact, and without whom it is about.
        var complaint = await OpenFormAsync(citizen, "/complaints/new");
        Assert.Contains("只有区政务公开办公室的效能监察人员可以查看", complaint.Html);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var refused = await complaint.PostAsync(citizen, [new("Input.Title", "办事拖延"), new("Input.Content", "多次催办无果。")], complaint.Answer);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写姓名", text);
        Assert.Contains("请填写联系方式", text);
        Assert.Contains("请写明被投诉的单位或人员", text);
        Assert.Contains("多次催办无果。", text);
    }

    [Fact]
    public async Task Script_in_the_text_is_shown_escaped_to_staff_and_citizen()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        const string script = "<script>alert('x')</script>";
        var filed = await FileOpinionAsync(citizen, office, title: "路灯" + script, content: "内容" + script + "<img src=x onerror=alert(1)>");
        using var staff = await app.SignedInAsync("bangong");
        var page = await staff.GetStringAsync($"/admin/cases/{filed.Id}");
        Assert.DoesNotContain(script, page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains("&lt;script&gt;", page);

        var tracked = await (await citizen.PostFormAsync("/opinions/track", [new("TrackingCode", filed.TrackingCode), new("AccessKey", filed.AccessKey)])).Content.ReadAsStringAsync();
        Assert.DoesNotContain(script, tracked);
        Assert.Contains("&lt;script&gt;", tracked);
    }

    [Fact]
    public async Task A_department_sees_only_its_cases_and_gets_404_for_another_departments()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        var ours = await FileOpinionAsync(citizen, office, title: "学校门口交通拥堵" + Guid.NewGuid().ToString("N")[..6]);
        var theirs = await FileOpinionAsync(citizen, office, title: "低保申请进度" + Guid.NewGuid().ToString("N")[..6]);
        await StepAsync(office, ours.Id, "assign", new { departments = new[] { "jyj" } });
        await StepAsync(office, theirs.Id, "assign", new { departments = new[] { "minzj" } });
        var complaint = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            title = "窗口推诿" + Guid.NewGuid().ToString("N")[..6], content = "办事窗口推诿。", name = "李四", contact = "13900001111", accusedDepartment = "jyj",
        });
        var complaintBody = await complaint.Content.ReadFromJsonAsync<JsonElement>();
        var complaintCode = complaintBody.GetProperty("trackingCode").GetString()!;
        // The tracking page serves complaints too.
        var trackedComplaint = await citizen.PostFormAsync("/opinions/track",
            [new("TrackingCode", complaintCode), new("AccessKey", complaintBody.GetProperty("accessKey").GetString()!)]);
        Assert.Equal(HttpStatusCode.OK, trackedComplaint.StatusCode);
        Assert.Contains("效能投诉：窗口推诿", await trackedComplaint.Content.ReadAsStringAsync());

        using var editor = await app.SignedInAsync("xinxiyuan");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/cases/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/cases/{ours.Id}")).StatusCode);
        // Posting a step to it is a 404 too, and changes nothing.
        var post = await editor.PostFormAsync($"/admin/cases/{theirs.Id}?handler=Accept", [], formPageUrl: $"/admin/cases/{ours.Id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var list = await editor.GetStringAsync("/admin/cases?status=all");
        Assert.Contains(ours.TrackingCode, list);
        Assert.DoesNotContain(theirs.TrackingCode, list);
        Assert.DoesNotContain(complaintCode, list);

        // The office sees both opinions but not the complaint; the supervision staff see the complaint.
        using var officePages = await app.SignedInAsync("bangong");
        Assert.Contains(ours.TrackingCode, await officePages.GetStringAsync($"/admin/cases?q={ours.TrackingCode}"));
        Assert.Contains(theirs.TrackingCode, await officePages.GetStringAsync($"/admin/cases?q={theirs.TrackingCode}"));
        Assert.Contains("没有符合条件的事项", await officePages.GetStringAsync($"/admin/cases?status=all&q={complaintCode}"));
        using var inspector = await app.SignedInAsync("jiancha");
        Assert.Contains(complaintCode, await inspector.GetStringAsync($"/admin/cases?q={complaintCode}"));

        // Filters out of the list get a Chinese message, not an error.
        var bad = await officePages.GetAsync("/admin/cases?status=nonsense&department=nowhere");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badText = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请从列表中选择状态", badText);
        Assert.Contains("请从列表中选择承办部门", badText);
    }

    [Fact]
    public async Task Staff_take_the_case_through_the_pages_and_the_answer_is_published()
    {
        using var citizen = app.Anonymous();
        using var api = await app.ApiAs("bangong");
        var title = "幸福小区门口路灯" + Guid.NewGuid().ToString("N")[..6];
        var filed = await FileOpinionAsync(citizen, api, title: title);
        using var office = await app.SignedInAsync("bangong");
        using var editor = await app.SignedInAsync("xinxiyuan");
        using var reviewer = await app.SignedInAsync("shenheren");
        var url = $"/admin/cases/{filed.Id}";

        // Refused steps come back with the reason inside the form and what was typed.
        var noLead = await office.PostFormAsync(url + "?handler=Assign", [new("days", "abc")], url);
        var noLeadText = await noLead.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noLead.StatusCode);
        Assert.Contains("请选择主办部门", noLeadText);
        var badDays = await office.PostFormAsync(url + "?handler=Assign", [new("lead", "jyj"), new("days", "999")], url);
        Assert.Contains("办理时限应为", await badDays.Content.ReadAsStringAsync());

        await Step(office, url, "Assign", [new("lead", "jyj"), new("co", "minzj"), new("days", "8")], "已分办");
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("minzheng")).GetAsync(url)).StatusCode);
        await Step(editor, url, "Accept", [], "已签收");
        var empty = await editor.PostFormAsync(url + "?handler=Answer", [new("text", " ")], url);
        Assert.Contains("请填写答复内容", await empty.Content.ReadAsStringAsync());
        await Step(editor, url, "Answer", [new("text", "已安排维修，三个工作日内修复。")], "等待审核");
        // The editor may not approve: the page says so, in Chinese.
        var selfApprove = await editor.PostFormAsync(url + "?handler=Approve", [], url);
        Assert.Contains("答复须由主办部门的审核人审核", await selfApprove.Content.ReadAsStringAsync());
        await Step(reviewer, url, "Approve", [], "等待公开办审核");
        await Step(office, url, "Approve", [], "答复已发送给来信人");

        // Publishing needs the confirmation, and refuses a phone number in the public wording.
        var detail = await office.GetStringAsync(url);
        Assert.Contains("id=\"publish\"", detail);
        Assert.Contains("<dd id=\"topic\">城市管理</dd>", detail);
        var unconfirmed = await office.PostFormAsync(url + "?handler=Publish", [new("title", title), new("question", "路灯坏了"), new("answer", "已修复")], url);
        var unconfirmedText = await unconfirmed.Content.ReadAsStringAsync();
        Assert.Contains("请勾选“我已确认”", unconfirmedText);
        Assert.Contains("路灯坏了", unconfirmedText);
        var phone = await office.PostFormAsync(url + "?handler=Publish",
            [new("title", title), new("question", "请打13812345678联系我"), new("answer", "已修复"), new("confirm", "true")], url);
        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        var phoneText = await phone.Content.ReadAsStringAsync();
        Assert.Contains("公开文本含个人信息", phoneText);
        Assert.Contains("请打13812345678联系我", phoneText);
        await Step(office, url, "Publish", [new("title", title), new("question", "小区门口路灯不亮，请修复。"), new("answer", "已安排维修，三个工作日内修复。"), new("confirm", "true")], "问答已公开");

        var published = await citizen.GetStringAsync("/opinions/published?q=" + Uri.EscapeDataString(title));
        Assert.Contains(title, published);
        var link = Regex.Match(published, "href=\"(/opinions/published/\\d+)\"").Groups[1].Value;
        var one = await citizen.GetStringAsync(link);
        Assert.Contains("小区门口路灯不亮，请修复。", one);
        Assert.DoesNotContain("张三", one);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/opinions/published/999999999")).StatusCode);
        Assert.Contains("没有符合条件的公开答复", await citizen.GetStringAsync("/opinions/published?q=" + Uri.EscapeDataString("不存在的内容" + Guid.NewGuid())));

        // The JSON enhancement finds it by a fragment of the title.
        var similar = await citizen.GetFromJsonAsync<JsonElement>("/api/opinions/similar?q=" + Uri.EscapeDataString(title + "又坏了"));
        Assert.Contains(similar.GetProperty("answers").EnumerateArray(), a => a.GetProperty("title").GetString() == title);

        // The citizen rates it on the tracking page; a missing choice is refused in Chinese.
        var noChoice = await citizen.PostFormAsync("/opinions/track?handler=Rate", [new("TrackingCode", filed.TrackingCode), new("AccessKey", filed.AccessKey)], "/opinions/track");
        Assert.Contains("请选择评价", await noChoice.Content.ReadAsStringAsync());
        var rated = await citizen.PostFormAsync("/opinions/track?handler=Rate",
            [new("TrackingCode", filed.TrackingCode), new("AccessKey", filed.AccessKey), new("Rating", "unsatisfied"), new("Comment", "修得太慢")], "/opinions/track");
        var ratedText = await rated.Content.ReadAsStringAsync();
        Assert.Contains("感谢您的评价", ratedText);
        Assert.Contains("id=\"reopen-form\"", ratedText);
        Assert.DoesNotContain("id=\"rate-form\"", ratedText);
    }

    [Fact]
    public async Task Closing_and_merging_need_the_confirmation()
    {
        using var citizen = app.Anonymous();
        using var api = await app.ApiAs("bangong");
        var first = await FileOpinionAsync(citizen, api, title: "重复来信一" + Guid.NewGuid().ToString("N")[..6]);
        var second = await FileOpinionAsync(citizen, api, title: "重复来信二" + Guid.NewGuid().ToString("N")[..6]);
        using var office = await app.SignedInAsync("bangong");
        var url = $"/admin/cases/{second.Id}";
        var unconfirmed = await office.PostFormAsync(url + "?handler=Merge", [new("into", first.TrackingCode)], url);
        Assert.Contains("请勾选“我已确认”", await unconfirmed.Content.ReadAsStringAsync());
        var unknown = await office.PostFormAsync(url + "?handler=Merge", [new("into", "MY1999-NOPE"), new("confirm", "true")], url);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("没有找到事项“MY1999-NOPE”", await unknown.Content.ReadAsStringAsync());
        await Step(office, url, "Merge", [new("into", first.TrackingCode), new("confirm", "true")], "已合并");
        Assert.Contains("已合并", await office.GetStringAsync(url));
    }

    [Fact]
    public async Task The_office_registers_a_letter_and_is_shown_the_key_once()
    {
        using var office = await app.SignedInAsync("bangong");
        var refused = await office.PostFormAsync("/admin/cases/register",
            [new("Input.Kind", "opinion"), new("Input.Channel", "letter"), new("Input.ReceivedOn", "2026-13-45"), new("Input.Title", ""), new("Input.Content", "来信内容")]);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("收到日期“2026-13-45”无效", text);
        Assert.Contains("请填写标题", text);
        Assert.Contains("来信内容", text);

        var title = "来信反映菜市场油烟" + Guid.NewGuid().ToString("N")[..6];
        var done = await office.PostFormAsync("/admin/cases/register",
            [new("Input.Kind", "opinion"), new("Input.Channel", "visit"), new("Input.ReceivedOn", ""), new("Input.Title", title), new("Input.Content", "菜市场油烟扰民。")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = await office.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Contains(title, page);
        Assert.Contains("查询密钥", page);
        Assert.Contains("来访", page);

        // A department user may not register.
        using var editor = await app.SignedInAsync("xinxiyuan");
        var denied = await editor.GetAsync("/admin/cases/register");
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString.Contains("/account/denied") == true,
            $"a department user registered: {(int)denied.StatusCode}");
    }

    private static async Task Step(HttpClient staff, string url, string handler, KeyValuePair<string, string>[] fields, string message)
    {
        var response = await staff.PostFormAsync($"{url}?handler={handler}", fields, url);
        if (response.StatusCode != HttpStatusCode.Redirect)
            Assert.Fail($"{handler}: {(int)response.StatusCode} {ErrorsOf(await response.Content.ReadAsStringAsync())}");
        Assert.Contains(message, await staff.GetStringAsync(url));
    }

    private static string ErrorsOf(string html) => string.Join(" | ", FieldError().Matches(html).Select(m => m.Groups[1].Value));

    [GeneratedRegex("class=\"field-error\"[^>]*>([^<]+)<")]
    private static partial Regex FieldError();

    private static KeyValuePair<string, string>[] Letter(string title) =>
    [
        new("Input.Title", title), new("Input.Content", "工地晚上十点以后还在施工，噪声很大。"), new("Input.Topic", "environment"),
        new("Input.Name", "王五"), new("Input.Contact", "13712345678"), new("Input.PublishConsent", "true"),
    ];

    internal sealed record OpenForm(string Url, string Html, string Antiforgery, string Token, string Answer)
    {
        public Task<HttpResponseMessage> PostAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields, string answer, string? honeypot = null, string? token = null) =>
            client.PostAsync(Url, new FormUrlEncodedContent(fields.Concat(
            [
                new("Input.Answer", answer), new("Input.Token", token ?? Token), new("Input.Website", honeypot ?? ""),
                new("__RequestVerificationToken", Antiforgery),
            ])));
    }

    /// <summary>Reads the form as a person would: the question's text, solved.</summary>
    internal static async Task<OpenForm> OpenFormAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var question = Regex.Match(html, "id=\"human-question\">([^<]+)<").Groups[1].Value;
        var token = Regex.Match(html, "name=\"Input.Token\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return new OpenForm(url, html, Html.AntiforgeryToken(html), WebUtility.HtmlDecode(token), Solve(question).ToString());
    }

    /// <summary>“七加五等于几？” → 12.</summary>
    internal static int Solve(string question)
    {
        var m = Regex.Match(question, "^(.)(加|减)(.)等于几？$");
        Assert.True(m.Success, $"unexpected question “{question}”");
        const string digits = "零一二三四五六七八九十";
        var a = digits.IndexOf(m.Groups[1].Value, StringComparison.Ordinal);
        var b = digits.IndexOf(m.Groups[3].Value, StringComparison.Ordinal);
        return m.Groups[2].Value == "加" ? a + b : a - b;
    }
}

using System.Net;
using Gongkai.Domain.Calendar;
using Gongkai.Hosting;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>/apply, /apply/submitted and /apply/track through the front door, without JavaScript.</summary>
public sealed class PortalPagesTests(ApplicationPagesFactory app) : IClassFixture<ApplicationPagesFactory>
{
    [Fact]
    public async Task The_form_asks_for_what_article_29_requires_and_states_the_privacy_rules()
    {
        using var citizen = app.Anonymous();
        var page = await citizen.PageAsync("/apply");
        foreach (var label in new[] { "申请人类型（必填）", "姓名或名称（必填）", "身份证件号码（自然人必填）", "联系电话", "电子邮箱", "通信地址",
                     "所需政府信息的名称或内容描述（必填）", "文号（知道的请填写）", "承办部门（必填）", "获取信息的形式（必填）", "获取信息的途径（必填）" })
            Assert.Contains($">{label}</label>", page);
        foreach (var type in new[] { "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" })
            Assert.Contains($">{type}</option>", page);
        Assert.Contains("<optgroup label=\"法人或其他组织\">", page);
        Assert.Contains("<option value=\"jyj\">区教育局</option>", page);
        Assert.Contains("个人信息处理说明", page);
        Assert.Contains("先查一查", page);
        Assert.Contains("<script src=\"/js/applications.js", page);
        Assert.Contains("/apply", await citizen.PageAsync("/")); // the portal's navigation leads here
    }

    [Fact]
    public async Task A_citizen_applies_and_gets_the_receipt_once_with_the_rule_of_article_31()
    {
        using var citizen = app.Anonymous();
        var before = app.Db(db => db.Applications.Count());
        var (code, key, receipt) = await citizen.ApplyAsync(("Input.Email", "wangwu@example.com"), ("Input.Address", "明湖区湖滨路12号3单元"),
            ("Input.Way", "邮寄"), ("Input.Form", "纸质文本"));

        var today = ChinaTime.Today(app.Clock);
        var due = WorkingDayCalendar.Official.AddWorkingDays(today, 20).Due;
        Assert.Matches($"^YS{today.Year}-[2-9A-HJKMNP-Z]{{8}}$", code);
        Assert.Matches("^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){3}$", key);
        Assert.Contains($"{today.Year}年{today.Month}月{today.Day}日", receipt);
        Assert.Contains($"{due.Year}年{due.Month}月{due.Day}日前", receipt);
        Assert.Contains("查询密钥只显示这一次", receipt);
        Assert.Contains("第三十一条第（三）项", receipt);
        Assert.Contains("data-print", receipt);
        Assert.Equal(before + 1, app.Db(db => db.Applications.Count()));

        // What was stored: the parts of contact and delivery put together, personal data encrypted and masked.
        var stored = app.Db(db => db.Applications.Single(a => a.TrackingCode == code));
        Assert.Equal(("纸质文本，邮寄", "电***@example.com", "1101**********6666"), (stored.DeliveryForm, stored.ContactMasked, stored.IdNumberMasked));
        Assert.DoesNotContain(CitizenPhone, stored.Contact);

        // The key is shown once: a reload (or anyone opening the address later) gets no key.
        var again = await citizen.GetAsync("/apply/submitted");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var text = await again.TextAsync();
        Assert.DoesNotContain(key, text);
        Assert.Contains("回执只显示一次", text);
        Assert.True(again.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Missing_and_wrong_fields_come_back_in_chinese_with_everything_typed_and_nothing_saved()
    {
        using var citizen = app.Anonymous();
        var before = app.Db(db => db.Applications.Count());

        // The page's own checks: the way needs its contact, the notice must be acknowledged.
        var response = await citizen.PostFormAsync("/apply", ApplyForm(("Input.Way", "邮寄"), ("Input.Consent", null), ("Input.Email", "not-an-address"),
            ("Input.Name", "王五<script>")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.TextAsync();
        Assert.Equal("选择邮寄的，请填写通信地址", FieldError(page, "Input_Address"));
        Assert.Equal("电子邮箱格式不正确（不超过60个字符）", FieldError(page, "Input_Email"));
        Assert.Equal("请阅读个人信息处理说明并勾选确认", FieldError(page, "Input_Consent"));
        Assert.Contains("<a href=\"#Input_Address\">选择邮寄的，请填写通信地址</a>", page);
        Assert.Contains("aria-describedby=\"Input_Address-error\"", page);
        // Everything typed is still there (and escaped).
        Assert.Equal("王五<script>", ValueOf(page, "Input_Name"));
        Assert.DoesNotContain("王五<script>\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(CitizenId, ValueOf(page, "Input_IdNumber"));
        Assert.Contains(">明湖区第一中学2025年食堂承包合同</textarea>", page);
        Assert.Contains("<option value=\"jyj\" selected=\"selected\">", page);

        // The workflow's checks (the same as the API's): a natural person needs an ID document.
        response = await citizen.PostFormAsync("/apply", ApplyForm(("Input.IdNumber", ""), ("Input.Department", "nope"), ("Input.Description", " ")));
        page = await response.TextAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请填写身份证件号码", FieldError(page, "Input_IdNumber"));
        Assert.Equal("没有代码为“nope”的机构", FieldError(page, "Input_Department"));
        Assert.Equal("请填写所需政府信息的名称、文号或描述", FieldError(page, "Input_Description"));
        Assert.Equal("王五", ValueOf(page, "Input_Name"));

        Assert.Equal(before, app.Db(db => db.Applications.Count()));
    }

    [Fact]
    public async Task An_organisation_needs_no_id_number()
    {
        using var citizen = app.Anonymous();
        var (code, _, _) = await citizen.ApplyAsync(("Input.ApplicantType", "legal-service"), ("Input.Name", "明湖律师事务所"), ("Input.IdNumber", ""));
        var stored = app.Db(db => db.Applications.Single(a => a.TrackingCode == code));
        Assert.Equal((Gongkai.Domain.Applications.ApplicantType.LegalService, null), (stored.ApplicantType, stored.IdNumber));
        Assert.Equal("136****5432", stored.ContactMasked);
    }

    [Fact]
    public async Task Check_first_lists_published_items_that_may_already_answer_it_without_saving()
    {
        await app.CatchUpSearchAsync();
        using var citizen = app.Anonymous();
        var before = app.Db(db => db.Applications.Count());

        var response = await citizen.PostFormAsync("/apply?handler=Check",
            ApplyForm(("Input.Description", "申请公开2025年区级财政决算的详细数据"), ("Input.Name", "")), "/apply");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.TextAsync();
        Assert.Contains("可能与您的申请有关", page);
        Assert.Contains(">明湖区2025年区级财政决算</a>", Unmark(page));
        Assert.Contains("target=\"_blank\"", page);
        Assert.DoesNotContain("error-summary", page); // checking needs no complete form
        Assert.Equal(before, app.Db(db => db.Applications.Count()));

        // A 文号 finds its document even when the description says little.
        var byNumber = await (await citizen.PostFormAsync("/apply?handler=Check",
            ApplyForm(("Input.Description", "招生的文件"), ("Input.DocumentNumber", "明教发〔2026〕8号")), "/apply")).TextAsync();
        Assert.Contains("义务教育阶段学校招生入学工作方案", Between(byNumber, "id=\"suggestions-result\"", "</ul>"));

        var nothing = await (await citizen.PostFormAsync("/apply?handler=Check", ApplyForm(("Input.Description", "火星基地建设规划")), "/apply")).TextAsync();
        Assert.Contains("没有找到相关的已公开信息", nothing);

        var empty = await (await citizen.PostFormAsync("/apply?handler=Check", ApplyForm(("Input.Description", "")), "/apply")).TextAsync();
        Assert.Equal("请先填写所需政府信息的名称、文号或描述，再查一查", FieldError(empty, "Input_Description"));

        // The script's fragment: the same list, without the page around it.
        var fragment = await citizen.GetStringAsync("/apply?handler=Suggestions&description=" + Uri.EscapeDataString("区级财政决算"));
        Assert.Contains(">明湖区2025年区级财政决算</a>", Unmark(fragment));
        Assert.DoesNotContain("<html", fragment);
    }

    [Fact]
    public async Task The_tracking_page_shows_status_due_date_and_history_with_masked_data_only()
    {
        using var citizen = app.Anonymous();
        var (code, key, _) = await citizen.ApplyAsync();

        var response = await citizen.TrackAsync(code.ToLowerInvariant(), key.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var page = await response.TextAsync();
        var due = WorkingDayCalendar.Official.AddWorkingDays(ChinaTime.Today(app.Clock), 20).Due;
        Assert.Contains($"<span class=\"due\">{due.Year}年{due.Month}月{due.Day}日</span>", page);
        Assert.Contains("第三十三条第二款", Between(page, "id=\"due-reason\">", "</dd>"));
        Assert.Contains("待受理", Between(page, "id=\"status\">", "</dd>"));
        Assert.Contains("data-event=\"received\"", page);
        Assert.Contains("1101**********6666", page);
        Assert.Contains("136****5432", page);
        Assert.Contains("王*", page);
        Assert.DoesNotContain(CitizenId, page);
        Assert.DoesNotContain(CitizenPhone, page);
        Assert.DoesNotContain("王五", page);
        Assert.DoesNotContain(key, page); // the key is never written back into the page
    }

    [Fact]
    public async Task A_wrong_key_gets_the_same_not_found_as_an_unknown_code()
    {
        using var citizen = app.Anonymous();
        var (code, key, _) = await citizen.ApplyAsync();

        var wrong = await citizen.TrackAsync(code, "AAAAA-BBBBB-CCCCC-DDDDD");
        var unknown = await citizen.TrackAsync("YS2026-22222222", key);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (w, u) = (await wrong.TextAsync(), await unknown.TextAsync());
        Assert.Equal(Summary(w), Summary(u).Replace("YS2026-22222222", code, StringComparison.Ordinal));
        Assert.Contains("没有找到该申请：请核对查询码和查询密钥。", Summary(w));
        Assert.DoesNotContain("办理经过", w);

        var blank = await (await citizen.PostFormAsync("/apply/track", [new("TrackingCode", ""), new("AccessKey", "")])).TextAsync();
        Assert.Equal(("请填写查询码", "请填写查询密钥"), (FieldError(blank, "TrackingCode"), FieldError(blank, "AccessKey")));
        Assert.Equal(code, ValueOf(await citizen.PageAsync($"/apply/track?code={code}"), "TrackingCode")); // the receipt's link fills it in
    }

    [Fact]
    public async Task The_applicant_sees_a_correction_request_and_then_the_reply()
    {
        using var citizen = app.Anonymous();
        var (code, key, _) = await citizen.ApplyAsync();
        var id = app.Db(db => db.Applications.Single(a => a.TrackingCode == code).Id);
        var today = ChinaTime.Today(app.Clock);
        using var staff = await app.ApiAs("xinxiyuan");

        await OkStepAsync(staff, id, "correction-request", new { on = Iso(today), deadline = Iso(today.AddDays(15)) });
        var waiting = await (await citizen.TrackAsync(code, key)).TextAsync();
        Assert.Contains("中止：等待补正", Between(waiting, "id=\"due-on\">", "</dd>"));
        Assert.Contains($"请于 {today.AddDays(15).Year}年{today.AddDays(15).Month}月{today.AddDays(15).Day}日 前补正", waiting);
        Assert.Contains("第三十条", Between(waiting, "id=\"due-reason\">", "</dd>"));

        await OkStepAsync(staff, id, "corrected", new { on = Iso(today) });
        await OkStepAsync(staff, id, "reply", new { on = Iso(today), outcome = "partial", text = "第一段。\n部分内容涉及第三方商业秘密，不予公开。" });
        var replied = await (await citizen.TrackAsync(code, key)).TextAsync();
        Assert.Equal("部分公开", Between(replied, "id=\"outcome\">", "</dd>"));
        Assert.Contains("<p>部分内容涉及第三方商业秘密，不予公开。</p>", replied);
        Assert.Contains("第三十七条", replied);
        Assert.Contains("已答复", Between(replied, "id=\"status\">", "</dd>"));
        // The reply letter (告知书) is offered as a form posting code and key: the key never goes into a URL.
        Assert.Contains("action=\"/apply/track/letter\"", replied);
        Assert.Contains("下载 PDF", replied);
        Assert.DoesNotContain($"letter?key=", replied);
    }

    private static string Unmark(string html) => html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Applications.ApplicationsTestKit;

namespace Gongkai.Tests.Applications;

/// <summary>The public form and tracking page, and what personal data reaches which place.</summary>
public sealed class ApplicationIntakeTests(ApplicationsFactory app) : IClassFixture<ApplicationsFactory>
{
    private const string CitizenId = "110101198807086666";
    private const string CitizenMobile = "13698765432";

    private static object Form(string? idNumber = CitizenId, string applicantType = "natural-person", string department = "jyj") => new
    {
        applicantType, name = "王五", idNumber, contact = CitizenMobile,
        description = "明湖区第一中学2025年食堂承包合同", department, deliveryForm = "电子邮件发送",
    };

    [Fact]
    public async Task A_citizen_applies_online_and_tracks_with_the_access_key()
    {
        using var citizen = app.Anonymous();
        var response = await citizen.PostAsJsonAsync("/api/applications", Form());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.Str("trackingCode")!;
        var key = body.Str("accessKey")!;

        // Received today (第三十一条第（三）项: the portal confirms at once); due 20 working days later.
        var today = ChinaTime.Today(app.Clock);
        Assert.Equal(today.ToString("yyyy-MM-dd"), body.Str("receivedOn"));
        Assert.Equal(WorkingDayCalendar.Official.AddWorkingDays(today, 20).Due.ToString("yyyy-MM-dd"), body.Str("dueOn"));
        Assert.Matches($"^YS{today.Year}-", code);
        Assert.Equal(new Uri($"/api/applications/{code}", UriKind.Relative), response.Headers.Location);

        var tracked = await TrackAsync(citizen, code, key.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var view = await tracked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("received", "自然人", "区教育局"), (view.Str("status"), view.Str("applicantType"), view.Str("department")));
        Assert.Equal(("1101**********6666", "136****5432", "王*"), (view.Str("idNumber"), view.Str("contact"), view.Str("applicant")));
        Assert.Contains("第三十三条第二款", view.Str("dueReason"));
        var text = view.GetRawText();
        Assert.DoesNotContain(CitizenId, text);
        Assert.DoesNotContain(CitizenMobile, text);
        Assert.DoesNotContain("王五", text);
    }

    [Fact]
    public async Task A_wrong_or_missing_key_answers_like_an_unknown_code()
    {
        using var citizen = app.Anonymous();
        var body = await (await citizen.PostAsJsonAsync("/api/applications", Form())).Content.ReadFromJsonAsync<JsonElement>();
        var code = body.Str("trackingCode")!;

        var wrong = await TrackAsync(citizen, code, "AAAAA-BBBBB-CCCCC-DDDDD");
        var missing = await TrackAsync(citizen, code, null);
        var unknown = await TrackAsync(citizen, "YS2026-22222222", body.Str("accessKey"));

        Assert.All([wrong, missing, unknown], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(await unknown.Content.ReadFromJsonAsync<JsonElement>() is var u ? u.Str("detail") : null,
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
    }

    [Fact]
    public async Task Missing_and_wrong_fields_are_listed_in_chinese()
    {
        using var citizen = app.Anonymous();
        var person = await citizen.PostAsJsonAsync("/api/applications", Form(idNumber: null));
        Assert.Equal(HttpStatusCode.BadRequest, person.StatusCode);
        Assert.True((await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("idNumber", out _));

        // 法人或其他组织 need not give an ID number (issue 4), and may use the report's column label.
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/applications", Form(idNumber: null, applicantType: "法律服务机构"))).StatusCode);

        var bad = await citizen.PostAsJsonAsync("/api/applications", new { applicantType = "法人或其他组织", name = "", department = "nope" });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "applicantType", "name", "description", "department", "contact", "deliveryForm" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not reported");
    }

    [Fact]
    public async Task Id_numbers_and_contacts_are_encrypted_at_rest_and_kept_out_of_the_audit_log()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, name: "赵六", description: "加密测试");

        var stored = app.Db(db => db.Applications.Where(x => x.Id == a.Id).Select(x => new { x.IdNumber, x.Contact, x.IdNumberMasked }).Single());
        Assert.DoesNotContain(IdNumber, stored.IdNumber);
        Assert.DoesNotContain(Mobile, stored.Contact);
        Assert.Equal("1101**********7777", stored.IdNumberMasked);

        var audit = app.Db(db => db.AuditEntries.Where(e => e.EntityType == "InformationApplication").Select(e => e.After ?? "").ToList());
        Assert.NotEmpty(audit);
        Assert.All(audit, json =>
        {
            Assert.DoesNotContain(IdNumber, json);
            Assert.DoesNotContain(Mobile, json);
            Assert.DoesNotContain(stored.IdNumber!, json);
        });

        // The handling department sees the full values, and that look is audited; a supervisor may not.
        var full = await staff.GetFromJsonAsync<JsonElement>($"/api/admin/applications/{a.Id}/personal-data");
        Assert.Equal((IdNumber, Mobile), (full.Str("idNumber"), full.Str("contact")));
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.Action == "RevealApplicantData" && e.EntityId == a.Id.ToString())));
        using var supervisor = await app.ApiAs("jianduyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/api/admin/applications/{a.Id}/personal-data")).StatusCode);
        var detail = await supervisor.GetFromJsonAsync<JsonElement>($"/api/admin/applications/{a.Id}");
        Assert.DoesNotContain(IdNumber, detail.GetRawText());
        Assert.DoesNotContain(Mobile, detail.GetRawText());
    }

    [Fact]
    public async Task Department_staff_see_and_change_only_their_departments_applications()
    {
        using var jyj = await app.ApiAs("xinxiyuan");
        using var minzj = await app.ApiAs("minzheng");
        using var office = await app.ApiAs("bangong");
        var ours = await RegisterAsync(jyj, description: "教育局的申请");
        var theirs = await RegisterAsync(minzj, department: "minzj", description: "民政局的申请");

        Assert.Equal(HttpStatusCode.Forbidden, (await jyj.PostAsJsonAsync("/api/admin/applications", new
        {
            channel = "fax", receivedOn = "2026-02-10", department = "minzj", applicantType = "其他", name = "某协会", description = "越权登记",
        })).StatusCode);

        var inbox = await jyj.GetFromJsonAsync<JsonElement>("/api/admin/applications?pageSize=100");
        var departments = inbox.GetProperty("items").EnumerateArray().Select(i => i.Str("department")!).Distinct().ToArray();
        Assert.Equal(["jyj"], departments);
        Assert.Equal(HttpStatusCode.NotFound, (await jyj.GetAsync($"/api/admin/applications/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StepAsync(jyj, theirs.Id, "accept", new { on = "2026-02-11" })).StatusCode);

        // Supervisors read everything and change nothing; only the office transfers.
        using var supervisor = await app.ApiAs("jianduyuan");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/admin/applications/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(supervisor, theirs.Id, "accept", new { on = "2026-02-11" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(jyj, ours.Id, "transfer", new { on = "2026-02-11", department = "minzj", reason = "职责" })).StatusCode);

        await OkStepAsync(jyj, ours.Id, "return", new { on = "2026-02-11", reason = "属于民政局职责" });
        var moved = await OkStepAsync(office, ours.Id, "transfer", new { on = "2026-02-12", department = "minzj", reason = "属于民政局职责" });
        Assert.Equal("received", moved.Str("status"));
        Assert.Equal(HttpStatusCode.NotFound, (await jyj.GetAsync($"/api/admin/applications/{ours.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await minzj.GetAsync($"/api/admin/applications/{ours.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_inbox_filters_overdue_and_status()
    {
        using var office = await app.ApiAs("bangong");
        var late = await RegisterAsync(office, department: "czj", description: "逾期筛选测试");       // due 2026-03-16, long past
        var answered = await RegisterAsync(office, department: "czj", description: "已答复筛选测试");
        await OkStepAsync(office, answered.Id, "reply", new { on = "2026-02-20", outcome = "granted" });

        var overdue = await office.GetFromJsonAsync<JsonElement>("/api/admin/applications?department=czj&overdue=true");
        Assert.Equal([late.Id], overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        var replied = await office.GetFromJsonAsync<JsonElement>("/api/admin/applications?department=czj&status=replied");
        Assert.Equal([answered.Id], replied.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var paged = await office.GetFromJsonAsync<JsonElement>("/api/admin/applications?department=czj&pageSize=1&page=2");
        Assert.Equal((2, 1), (paged.GetProperty("total").GetInt32(), paged.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/admin/applications?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/admin/applications")).StatusCode);
    }

    [Fact]
    public async Task Repeats_are_flagged_and_shared_questions_proposed_for_proactive_disclosure()
    {
        using var office = await app.ApiAs("bangong");
        var first = await RegisterAsync(office, department: "rsj", name: "钱七", description: "2025年明湖区公益性岗位招聘计划及录用名单");
        await OkStepAsync(office, first.Id, "reply", new { on = "2026-02-20", outcome = "granted" });
        var again = await RegisterAsync(office, department: "rsj", name: "钱七", description: "明湖区2025年公益性岗位招聘计划和录用名单", receivedOn: "2026-03-02");
        var other = await RegisterAsync(office, department: "rsj", name: "孙八", idNumber: "110101197001011111", description: "2025年明湖区公益性岗位的招聘计划及录用名单", receivedOn: "2026-03-03");

        var repeats = (await DetailAsync(office, again.Id)).GetProperty("possibleRepeats").EnumerateArray().Select(r => r.GetProperty("id").GetInt64());
        Assert.Equal([first.Id], repeats);
        Assert.Empty((await DetailAsync(office, other.Id)).GetProperty("possibleRepeats").EnumerateArray()); // a different applicant

        // Two applicants are not enough (default 3); a third, different one makes it a proposal.
        Assert.DoesNotContain(await ProposalsAsync(office), p => p.Str("department") == "rsj");
        await RegisterAsync(office, department: "rsj", name: "某律师事务所", applicantType: "法律服务机构", idNumber: null,
            description: "明湖区公益性岗位招聘计划及录用名单（2025年）", receivedOn: "2026-03-04");
        var proposal = Assert.Single(await ProposalsAsync(office), p => p.Str("department") == "rsj");
        Assert.Equal(3, proposal.GetProperty("applicants").GetInt32());
        Assert.Equal(4, proposal.GetProperty("applicationIds").GetArrayLength());

        // The office sees the proposal at the top of its inbox page.
        using var pages = await app.SignedInAsync("bangong");
        var inbox = System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync("/admin/applications"));
        Assert.Contains("建议纳入主动公开（第四十四条）", inbox);
        Assert.Contains("3 位申请人", inbox);
        Assert.Contains($"/admin/applications/{other.Id}", inbox);
    }

    private static async Task<JsonElement[]> ProposalsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/admin/applications/proposals")).EnumerateArray()];
}

public sealed class ApplicationRateLimitTests(StrictLimitFactory app) : IClassFixture<StrictLimitFactory>
{
    [Fact]
    public async Task Online_applications_are_limited_per_address()
    {
        using var citizen = app.Anonymous();
        object form = new
        {
            applicantType = "其他", name = "某协会", contact = "010-12345678", description = "频率限制测试", department = "jyj", deliveryForm = "自行领取",
        };
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/applications", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/applications", form)).StatusCode);
        var third = await citizen.PostAsJsonAsync("/api/applications", form);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>/admin/applications/{id}: what staff read, who may see personal data in full, repeats.</summary>
public sealed class DetailPageTests(ApplicationPagesFactory app) : IClassFixture<ApplicationPagesFactory>
{
    [Fact]
    public async Task Staff_read_the_clock_and_its_timeline_with_masked_personal_data()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api);
        await OkStepAsync(api, a.Id, "accept", new { on = "2026-02-11" });
        await OkStepAsync(api, a.Id, "consultation", new { from = "2026-02-24", party = "某建筑公司" });

        using var staff = await app.SignedInAsync("xinxiyuan");
        var page = await staff.PageAsync($"/admin/applications/{a.Id}");
        Assert.Contains("办理中（征求意见中）", Between(page, "id=\"status\">", "</dd>"));
        Assert.Equal("暂停（征求意见中）", Between(page, "id=\"due-on\">", "</span>"));
        Assert.Contains("2026年3月16日", Between(page, "id=\"third-party-due\">", "</li>")); // 02-24 + 15 working days
        Assert.Contains("第三十三条第三款", Between(page, "id=\"due-reason\">", "</p>"));
        var timeline = Between(page, "id=\"timeline\">", "</table>");
        Assert.Contains("data-event=\"received\"", timeline);
        Assert.Contains("data-event=\"consultation\"", timeline);
        Assert.Contains("某建筑公司", timeline); // staff see whom they consulted
        Assert.Contains("2026-03-16", timeline);  // the due date at receipt
        Assert.Contains("1101**********7777", Between(page, "id=\"id-number\">", "</dd>"));
        Assert.Contains("139****5678", Between(page, "id=\"contact\">", "</dd>"));
        Assert.DoesNotContain(IdNumber, page);
        Assert.DoesNotContain(Mobile, page);
        // The steps the clock allows now: only the end of the consultation and the reply (and the cases).
        Assert.Contains("id=\"consult-end\"", page);
        Assert.Contains("id=\"reply-form\"", page);
        foreach (var form in new[] { "accept", "correction", "extend", "fee", "consult" })
            Assert.DoesNotContain($"id=\"{form}\"", page);
    }

    [Fact]
    public async Task The_handling_department_and_the_office_may_see_the_full_data_once_asked_and_it_is_audited()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api, description: "个人信息查看测试");

        using var editor = await app.SignedInAsync("xinxiyuan");
        Assert.Contains("查看完整信息", await editor.PageAsync($"/admin/applications/{a.Id}"));
        var auditBefore = app.Db(db => db.AuditEntries.Count(e => e.Action == "RevealApplicantData" && e.EntityId == a.Id.ToString()));
        var response = await editor.StepAsync(a.Id, "Reveal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.TextAsync();
        Assert.Equal(IdNumber, Between(page, "id=\"id-number\">", "</dd>"));
        Assert.Equal(Mobile, Between(page, "id=\"contact\">", "</dd>"));
        Assert.Contains("本次查看已记入审计日志", page);
        Assert.Equal(auditBefore + 1, app.Db(db => db.AuditEntries.Count(e => e.Action == "RevealApplicantData" && e.EntityId == a.Id.ToString())));
        // Shown for this response only: the page read again is masked.
        Assert.DoesNotContain(IdNumber, await editor.PageAsync($"/admin/applications/{a.Id}"));

        using var office = await app.SignedInAsync("bangong");
        Assert.Contains(IdNumber, await (await office.StepAsync(a.Id, "Reveal")).TextAsync());

        // Supervisors read the application but not the full personal data.
        using var supervisor = await app.SignedInAsync("jianduyuan");
        var read = await supervisor.PageAsync($"/admin/applications/{a.Id}");
        Assert.DoesNotContain("查看完整信息", read);
        Assert.DoesNotContain("id=\"actions\"", read);
        AdminKit.AssertDenied(await supervisor.StepAsync(a.Id, "Reveal"));

        // Another department does not even see it.
        using var other = await app.SignedInAsync("minzheng");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/applications/{a.Id}")).StatusCode);
        var reveal = await other.PostFormAsync($"/admin/applications/{a.Id}?handler=Reveal", [], "/admin");
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
    }

    [Fact]
    public async Task A_repeat_application_is_flagged_with_the_earlier_one()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var first = await RegisterAsync(api, name: "周七", description: "2025年明湖区校车运营补贴发放明细", receivedOn: "2026-03-02");
        await OkStepAsync(api, first.Id, "reply", new { on = "2026-03-10", outcome = "granted", text = "予以公开。" });
        var again = await RegisterAsync(api, name: "周七", description: "明湖区2025年校车运营补贴发放明细", receivedOn: "2026-04-01");

        using var staff = await app.SignedInAsync("xinxiyuan");
        var page = await staff.PageAsync($"/admin/applications/{again.Id}");
        var repeats = Between(page, "id=\"repeats\"", "</section>");
        Assert.Contains($"/admin/applications/{first.Id}", repeats);
        Assert.Contains("第三十六条第（六）项", repeats);
        Assert.Contains("予以公开", repeats);
        Assert.DoesNotContain("id=\"repeats\"", await staff.PageAsync($"/admin/applications/{first.Id}"));
    }

    [Fact]
    public async Task Unknown_applications_are_not_found()
    {
        using var office = await app.SignedInAsync("bangong");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/admin/applications/999999")).StatusCode);
    }
}

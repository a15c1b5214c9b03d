using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Features.Notifications;
using Gongkai.Features.PublicVoice.Supervision;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>
/// 督办 on the fake clock: near-due and overdue reminders to the lead department, once each;
/// escalation of long-overdue cases as the system, with the office told once; the dashboard panel
/// per scope; the per-kind settings; the overdue gauge of /metrics.
/// </summary>
public sealed class SupervisionTests(SupervisionFactory app) : IClassFixture<SupervisionFactory>
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official;

    private CaseSupervisionService Service => app.Services.GetRequiredService<CaseSupervisionService>();

    [Fact]
    public async Task Reminders_go_to_the_lead_department_before_the_due_date_and_once_overdue()
    {
        await GiveEmailsAsync();
        using var citizen = app.Anonymous();
        var office = await app.ApiAs("bangong");
        var filed = await FileOpinionAsync(citizen, office, title: "提醒测试");
        var assigned = await StepAsync(office, filed.Id, "assign", new { departments = new[] { "jyj", "minzj" }, dueInWorkingDays = 4 });
        var due = DateOnly.Parse(assigned.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        await Service.RunOnceAsync(default);
        Assert.Empty(Sent(filed.Id)); // 4 working days before: not yet near (2)

        var near = Enumerable.Range(1, 10).Select(i => due.AddDays(-i)).First(d => Calendar.CountWorkingDays(d, due) >= 2);
        MoveTo(near);
        await Service.RunOnceAsync(default);
        await Service.RunOnceAsync(default);
        var first = Sent(filed.Id);
        // The lead department's editor and reviewer; not the co-handler, not the office.
        Assert.Equal(["shenheren@jyj.example.cn", "xinxiyuan@jyj.example.cn"], first.Select(n => n.Recipient).Order());
        Assert.All(first, n =>
        {
            Assert.Equal(CaseSupervisionService.Key(filed.Id, due, "near"), n.Reference);
            Assert.Contains(filed.TrackingCode, n.Subject);
            Assert.Contains($"{due:yyyy年M月d日}", n.Body);
            Assert.DoesNotContain("13812345678", n.Body);
        });

        MoveTo(due);
        await Service.RunOnceAsync(default);
        Assert.Equal(2, Sent(filed.Id).Count);

        MoveTo(due.AddDays(1));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Service.RunOnceAsync(default))));
        var overdue = Sent(filed.Id).Where(n => n.Reference == CaseSupervisionService.Key(filed.Id, due, "overdue")).ToList();
        Assert.Equal(2, overdue.Count);
        Assert.All(overdue, n => Assert.Contains("已超过办理期限", n.Subject));
        MoveTo(Calendar.NextWorkingDay(due.AddDays(1)));
        await Service.RunOnceAsync(default);
        Assert.Equal(4, Sent(filed.Id).Count);
    }

    [Fact]
    public async Task A_case_overdue_beyond_the_limit_is_escalated_once_as_the_system_and_the_office_told()
    {
        await GiveEmailsAsync();
        using var citizen = app.Anonymous();
        var office = await app.ApiAs("bangong");
        var filed = await FileOpinionAsync(citizen, office, title: "升级督办测试");
        var assigned = await StepAsync(office, filed.Id, "assign", new { departments = new[] { "jyj" }, dueInWorkingDays = 1 });
        var due = DateOnly.Parse(assigned.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        // Overdue by exactly the limit: not yet.
        MoveTo(Calendar.AddWorkingDays(due, SupervisionFactory.EscalateAfter).Due);
        await Service.RunOnceAsync(default);
        office = await app.ApiAs("bangong");
        Assert.False((await Detail(office, filed.Id)).GetProperty("escalated").GetBoolean());

        MoveTo(Calendar.AddWorkingDays(due, SupervisionFactory.EscalateAfter + 1).Due);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Service.RunOnceAsync(default))));
        await Service.RunOnceAsync(default);
        office = await app.ApiAs("bangong");
        var detail = await Detail(office, filed.Id);
        Assert.True(detail.GetProperty("escalated").GetBoolean());
        var escalations = detail.GetProperty("timeline").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "Escalated").ToList();
        var line = Assert.Single(escalations);
        Assert.Equal("系统", line.GetProperty("by").GetString());
        Assert.Contains($"{SupervisionFactory.EscalateAfter + 1} 个工作日", line.GetProperty("text").GetString());
        var told = app.Db(db => db.Notifications.AsNoTracking().Where(n => n.Reference == CaseSupervisionService.EscalationKey(filed.Id)).ToList());
        Assert.Equal("bangong@zfb.example.cn", Assert.Single(told).Recipient);

        // Escalated cases come first on the office's dashboard.
        using var browser = await app.SignedInAsync("bangong");
        var dashboard = await browser.GetStringAsync("/admin");
        Assert.Contains("id=\"supervision-panel\"", dashboard);
        Assert.Contains(filed.TrackingCode, dashboard);
        Assert.Contains("已升级督办", dashboard);
    }

    [Fact]
    public async Task The_dashboard_panel_shows_each_user_the_overdue_cases_of_their_scope_and_metrics_count_them()
    {
        using var citizen = app.Anonymous();
        var office = await app.ApiAs("bangong");
        var jyjCase = await FileOpinionAsync(citizen, office, title: "教育局超期件");
        var minzjCase = await FileOpinionAsync(citizen, office, title: "民政局超期件");
        await StepAsync(office, jyjCase.Id, "assign", new { departments = new[] { "jyj" }, dueInWorkingDays = 1 });
        await StepAsync(office, minzjCase.Id, "assign", new { departments = new[] { "minzj" }, dueInWorkingDays = 1 });
        var complaint = await citizen.PostAsJsonAsync("/api/complaints", new { title = "效能超期件", content = "窗口推诿。", name = "李四", contact = "13900001111", accusedDepartment = "jyj" });
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);
        var complaintBody = await complaint.Content.ReadFromJsonAsync<JsonElement>();
        var complaintCode = complaintBody.GetProperty("trackingCode").GetString()!;
        MoveTo(Calendar.NextWorkingDay(DateOnly.Parse(complaintBody.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));

        async Task<string> Panel(string user)
        {
            using var browser = await app.SignedInAsync(user);
            var html = await browser.GetStringAsync("/admin");
            var start = html.IndexOf("id=\"supervision-panel\"", StringComparison.Ordinal);
            Assert.True(start > 0, user + " has no supervision panel");
            return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        }
        var bangong = await Panel("bangong");
        Assert.Contains(jyjCase.TrackingCode, bangong);
        Assert.Contains(minzjCase.TrackingCode, bangong);
        Assert.DoesNotContain(complaintCode, bangong);
        Assert.Contains("/admin/cases?overdue=true", bangong);
        var xinxiyuan = await Panel("xinxiyuan");
        Assert.Contains(jyjCase.TrackingCode, xinxiyuan);
        Assert.DoesNotContain(minzjCase.TrackingCode, xinxiyuan);
        Assert.DoesNotContain(complaintCode, xinxiyuan);
        Assert.DoesNotContain("效能超期件", xinxiyuan);
        var jiancha = await Panel("jiancha");
        Assert.Contains(complaintCode, jiancha);
        Assert.DoesNotContain(jyjCase.TrackingCode, jiancha);

        // /metrics counts what the office's and the supervision staff's overdue lists hold.
        office = await app.ApiAs("bangong");
        using var inspector = await app.ApiAs("jiancha");
        var opinions = (await office.GetFromJsonAsync<JsonElement>("/api/admin/cases?kind=opinion&overdue=true")).GetProperty("total").GetInt32();
        var complaints = (await inspector.GetFromJsonAsync<JsonElement>("/api/admin/cases?kind=complaint&overdue=true")).GetProperty("total").GetInt32();
        Assert.True(opinions >= 2 && complaints >= 1);
        var metrics = await citizen.GetStringAsync("/metrics");
        Assert.Contains("# TYPE gongkai_cases_overdue gauge", metrics);
        Assert.Contains($"gongkai_cases_overdue{{kind=\"opinion\"}} {opinions}\n", metrics);
        Assert.Contains($"gongkai_cases_overdue{{kind=\"complaint\"}} {complaints}\n", metrics);
        Assert.Contains("gongkai_cases_overdue{kind=\"suggestion\"} 0\n", metrics);
    }

    [Fact]
    public async Task Settings_change_the_next_cases_due_date_and_only_the_office_sets_them()
    {
        var office = await app.ApiAs("bangong");
        using var editor = await app.ApiAs("xinxiyuan");
        using var inspector = await app.ApiAs("jiancha");
        using var citizen = app.Anonymous();

        var listed = await office.GetFromJsonAsync<JsonElement>("/api/admin/cases/settings");
        Assert.Equal(["opinion", "suggestion"], listed.EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var bad = await office.PutAsJsonAsync("/api/admin/cases/settings", new[] { new { kind = "opinion", dueWorkingDays = 0, nearDueWorkingDays = 2 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("办理时限应为", await bad.Content.ReadAsStringAsync());
        var nearTooLong = await office.PutAsJsonAsync("/api/admin/cases/settings", new[] { new { kind = "opinion", dueWorkingDays = 5, nearDueWorkingDays = 5 } });
        Assert.Equal(HttpStatusCode.BadRequest, nearTooLong.StatusCode);
        Assert.Contains("临期提醒", await nearTooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PutAsJsonAsync("/api/admin/cases/settings", new[] { new { kind = "petition", dueWorkingDays = 5 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync("/api/admin/cases/settings", new[] { new { kind = "opinion", dueWorkingDays = 5 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsJsonAsync("/api/admin/cases/settings", new[] { new { kind = "complaint", dueWorkingDays = 5 } })).StatusCode);

        var saved = await office.PutAsJsonAsync("/api/admin/cases/settings", new[] { new { kind = "opinion", dueWorkingDays = 5, nearDueWorkingDays = 2 } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var opinion = (await saved.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "opinion");
        Assert.Equal(5, opinion.GetProperty("dueWorkingDays").GetInt32());
        Assert.False(opinion.GetProperty("isDefault").GetBoolean());
        var next = await FileOpinionAsync(citizen, office, title: "新时限");
        Assert.Equal(Calendar.AddWorkingDays(Today, 5).Due.ToString("yyyy-MM-dd"), next.DueOn);

        Assert.Equal(HttpStatusCode.OK, (await inspector.PutAsJsonAsync("/api/admin/cases/settings", new[] { new { kind = "complaint", dueWorkingDays = 20, nearDueWorkingDays = 3 } })).StatusCode);
        var complaint = await citizen.PostAsJsonAsync("/api/complaints", new { title = "时限测试", content = "内容", name = "李四", contact = "13900001111", accusedPerson = "王某" });
        Assert.Equal(Calendar.AddWorkingDays(Today, 20).Due.ToString("yyyy-MM-dd"), (await complaint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueOn").GetString());

        // The page: a bad number re-renders with a Chinese message; a good one saves.
        using var browser = await app.SignedInAsync("bangong");
        var form = await browser.PostFormAsync("/admin/cases/settings",
            [new("Input[0].Kind", "opinion"), new("Input[0].DueWorkingDays", "99"), new("Input[0].NearDueWorkingDays", "2")]);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("民生民意：办理时限应为 1 到 60 个工作日", html);
        var ok = await browser.PostFormAsync("/admin/cases/settings",
            [new("Input[0].Kind", "opinion"), new("Input[0].DueWorkingDays", "10"), new("Input[0].NearDueWorkingDays", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var after = await office.GetFromJsonAsync<JsonElement>("/api/admin/cases/settings");
        Assert.Equal(10, after.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "opinion").GetProperty("dueWorkingDays").GetInt32());
    }

    [Fact]
    public void The_near_due_reminder_starts_the_given_working_days_before_and_the_overdue_one_the_day_after()
    {
        // Due on Monday 2026-10-12, after the National Day holiday (1–7 October off; Saturday 10 October a working day).
        var due = new DateOnly(2026, 10, 12);
        Assert.Equal("near", CaseSupervisionService.Stage(Calendar, new DateOnly(2026, 10, 10), due, 2));
        Assert.Null(CaseSupervisionService.Stage(Calendar, new DateOnly(2026, 10, 9), due, 1));
        Assert.Equal("near", CaseSupervisionService.Stage(Calendar, new DateOnly(2026, 10, 8), due, 3));
        Assert.Null(CaseSupervisionService.Stage(Calendar, new DateOnly(2026, 10, 7), due, 3));
        // Five working days back reach over the holiday to 29 September.
        Assert.Equal("near", CaseSupervisionService.Stage(Calendar, new DateOnly(2026, 9, 29), due, 5));
        Assert.Null(CaseSupervisionService.Stage(Calendar, new DateOnly(2026, 9, 28), due, 5));
        Assert.Equal("near", CaseSupervisionService.Stage(Calendar, due, due, 2));
        Assert.Null(CaseSupervisionService.Stage(Calendar, due, due, 0));
        Assert.Equal("overdue", CaseSupervisionService.Stage(Calendar, due.AddDays(1), due, 2));
    }

    private static async Task<JsonElement> Detail(HttpClient staff, long id) => await staff.GetFromJsonAsync<JsonElement>($"/api/admin/cases/{id}");

    private DateOnly Today => ChinaTime.Today(app.Clock);

    private DateOnly MoveTo(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(at);
        return Today;
    }

    private List<Notification> Sent(long caseId) =>
        app.Db(db => db.Notifications.AsNoTracking().Where(n => n.Reference!.StartsWith($"case-reminder:{caseId}:")).ToList());

    private async Task GiveEmailsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
        foreach (var (user, domain) in new[] { ("xinxiyuan", "jyj"), ("shenheren", "jyj"), ("minzheng", "minzj"), ("bangong", "zfb"), ("jiancha", "zfb") })
            await db.Users.Where(u => u.UserName == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, $"{user}@{domain}.example.cn"));
    }
}

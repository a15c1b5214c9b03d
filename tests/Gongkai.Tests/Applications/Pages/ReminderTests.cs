using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Features.Accounts;
using Gongkai.Features.Applications;
using Gongkai.Features.Notifications;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>
/// Reminders to the handling department 5 and 2 working days before the due date, driven by the
/// fake clock: once each, to the department's staff only, and once even when several runs race.
/// </summary>
public sealed class ReminderTests(ApplicationPagesFactory app) : IClassFixture<ApplicationPagesFactory>
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official;

    private ApplicationReminderService Service => app.Services.GetRequiredService<ApplicationReminderService>();

    [Fact]
    public async Task Reminders_go_to_the_departments_staff_5_and_2_working_days_before_once_each()
    {
        await GiveEmailsAsync();
        var start = MoveTo(Calendar.NextWorkingDay(Today));
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api, receivedOn: Iso(WorkingDaysBefore(start, 14)), description: "提醒测试");
        var due = app.Db(db => db.Applications.Single(x => x.Id == a.Id).DueOn!.Value);
        Assert.Equal(Calendar.AddWorkingDays(start, 6).Due, due);

        await Service.RunOnceAsync(default);
        Assert.Empty(Sent(a.Id)); // 6 working days before: nothing yet

        MoveTo(Calendar.NextWorkingDay(start));
        await Service.RunOnceAsync(default);
        var first = Sent(a.Id);
        Assert.Equal(["shenheren@jyj.example.cn", "xinxiyuan@jyj.example.cn"], first.Select(n => n.Recipient).Order());
        Assert.All(first, n =>
        {
            Assert.Equal(ApplicationReminderService.Key(a.Id, due, 5), n.Reference);
            Assert.Contains(a.TrackingCode, n.Subject);
            Assert.Contains("还有5个工作日", n.Subject);
            Assert.Contains(ClockNames.Chinese(due), n.Body);
            Assert.DoesNotContain(IdNumber, n.Body);
            Assert.DoesNotContain(Mobile, n.Body);
        });

        await Service.RunOnceAsync(default);
        MoveTo(Calendar.NextWorkingDay(Today));
        await Service.RunOnceAsync(default);
        Assert.Equal(2, Sent(a.Id).Count); // the 5-day reminder once, however often the service runs

        MoveTo(ApplicationReminderService.DayBefore(Calendar, due, 2));
        await Service.RunOnceAsync(default);
        await Service.RunOnceAsync(default);
        var second = Sent(a.Id).Where(n => n.Reference == ApplicationReminderService.Key(a.Id, due, 2)).ToList();
        Assert.Equal(2, second.Count);
        Assert.All(second, n => Assert.Contains("还有2个工作日", n.Subject));

        MoveTo(due.AddDays(1));
        await Service.RunOnceAsync(default);
        Assert.Equal(4, Sent(a.Id).Count);
    }

    [Fact]
    public async Task Racing_runs_queue_each_reminder_once_and_replied_applications_get_none()
    {
        await GiveEmailsAsync();
        // An inactive member of the department is not reminded.
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var department = app.Db(db => db.Departments.Single(d => d.Code == "jyj").Id);
            var gone = new StaffUser { UserName = "jyj-left", DisplayName = "已离职", DepartmentId = department, Email = "left@jyj.example.cn", IsActive = false };
            Assert.True((await users.CreateAsync(gone, "Left2026password")).Succeeded);
            await users.AddToRoleAsync(gone, StaffRoles.Editor);
        }
        var today = MoveTo(Calendar.NextWorkingDay(Today));
        using var api = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(api, receivedOn: Iso(WorkingDaysBefore(today, 15)), description: "并发提醒测试");
        var replied = await RegisterAsync(api, receivedOn: Iso(WorkingDaysBefore(today, 15)), description: "已答复的不提醒");
        await OkStepAsync(api, replied.Id, "reply", new { on = Iso(today), outcome = "granted", text = "予以公开。" });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Service.RunOnceAsync(default))));

        var sent = Sent(a.Id);
        Assert.Equal(2, sent.Count);
        Assert.DoesNotContain(sent, n => n.Recipient == "left@jyj.example.cn" || n.Recipient.StartsWith("minzheng", StringComparison.Ordinal));
        Assert.Empty(Sent(replied.Id));
    }

    [Fact]
    public void The_reminder_days_count_working_days_back_from_the_due_date()
    {
        // Due on Monday 2026-10-12, just after the National Day holiday: the count skips it.
        var due = new DateOnly(2026, 10, 12);
        Assert.Equal(5, Calendar.CountWorkingDays(ApplicationReminderService.DayBefore(Calendar, due, 5), due));
        Assert.Equal(2, Calendar.CountWorkingDays(ApplicationReminderService.DayBefore(Calendar, due, 2), due));
        Assert.Null(ApplicationReminderService.Stage(Calendar, due.AddDays(1), due));
        Assert.Equal(2, ApplicationReminderService.Stage(Calendar, due, due));
        Assert.Null(ApplicationReminderService.Stage(Calendar, ApplicationReminderService.DayBefore(Calendar, due, 5).AddDays(-1), due));
    }

    private DateOnly Today => ChinaTime.Today(app.Clock);

    /// <summary>Moves the fake clock forward to 10:00 Beijing time on <paramref name="day"/> (never back).</summary>
    private DateOnly MoveTo(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(at);
        return Today;
    }

    private static DateOnly WorkingDaysBefore(DateOnly day, int days)
    {
        var from = day.AddDays(-1);
        while (Calendar.CountWorkingDays(from, day) < days) from = from.AddDays(-1);
        return from;
    }

    private List<Notification> Sent(long applicationId) =>
        app.Db(db => db.Notifications.AsNoTracking().Where(n => n.Reference!.StartsWith($"application-reminder:{applicationId}:")).ToList());

    private async Task GiveEmailsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
        foreach (var user in new[] { "xinxiyuan", "shenheren", "minzheng" })
            await db.Users.Where(u => u.UserName == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, $"{user}@{(user == "minzheng" ? "minzj" : "jyj")}.example.cn"));
    }
}

using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Features.Calendar;
using Gongkai.Features.Notifications;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications;

/// <summary>Settings under Gongkai:Applications:Reminders.</summary>
public sealed class ApplicationReminderOptions
{
    public const string Section = "Gongkai:Applications:Reminders";

    /// <summary>Queue reminders on this instance (any number of instances may: each reminder is queued once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for applications that are due soon.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Reminds the handling department's staff (信息员 and 审核人 with an e-mail address) of an
/// application's reply deadline 5 and 2 working days before it (issue 4, "The clock"), by e-mail
/// through the notification outbox. Each reminder is queued once per due date: the outbox rows
/// carry the key <c>application-reminder:{id}:{due}:{days}</c>, and the check and the insert run in
/// one transaction that only one writer at a time may hold (SQLite's BEGIN IMMEDIATE; a PostgreSQL
/// advisory lock), so several instances never send it twice. A due date that moves (an extension,
/// a consultation) gets its own reminders. Waits on the injected clock; tests call <see cref="RunOnceAsync"/>.
/// </summary>
internal sealed class ApplicationReminderService(
    IServiceScopeFactory scopes,
    IOptions<ApplicationReminderOptions> options,
    TimeProvider clock,
    ILogger<ApplicationReminderService> logger) : BackgroundService
{
    /// <summary>Working days before the due date, the earlier first.</summary>
    public static readonly int[] DaysBefore = [5, 2];

    /// <summary>Any constant all instances agree on; released when the transaction ends.</summary>
    private const long ReminderLockKey = 0x476B52656D696E64; // "GkRemind"

    public static string Key(long applicationId, DateOnly dueOn, int days) =>
        $"application-reminder:{applicationId}:{dueOn:yyyy-MM-dd}:{days}";

    /// <summary>One pass: queues the reminders that are due today and not yet queued; returns how many messages it queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GongkaiDbContext>();
        var outbox = services.GetRequiredService<Outbox>();
        var calendar = await services.GetRequiredService<CalendarService>().GetAsync(ct);
        var today = ChinaTime.Today(clock);
        var horizon = calendar.AddWorkingDays(today, DaysBefore.Max()).Due;

        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed
                && a.Phase == ClockPhase.Running && a.DueOn >= today && a.DueOn <= horizon)
            .Join(db.Departments, a => a.DepartmentId, d => d.Id,
                (a, d) => new Candidate(a.Id, a.TrackingCode, a.DepartmentId, d.Name, a.DueOn!.Value, a.Description))
            .ToListAsync(ct);
        var wanted = candidates
            .Select(a => (Application: a, Days: Stage(calendar, today, a.DueOn)))
            .Where(x => x.Days is not null)
            .Select(x => (x.Application, Days: x.Days!.Value, Key: Key(x.Application.Id, x.Application.DueOn, x.Days.Value)))
            .ToList();
        if (wanted.Count == 0) return 0;

        var departments = wanted.Select(w => w.Application.DepartmentId).Distinct().ToList();
        var staff = await (
            from u in db.Users.AsNoTracking()
            where u.IsActive && u.Email != null && u.DepartmentId != null && departments.Contains(u.DepartmentId.Value)
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == StaffRoles.Editor || r.Name == StaffRoles.Reviewer
            select new { DepartmentId = u.DepartmentId!.Value, Email = u.Email! })
            .Distinct().ToListAsync(ct);

        var byKey = wanted.ToDictionary(w => w.Key);
        return await outbox.QueueOnceAsync(ReminderLockKey, byKey.Keys, key =>
        {
            var (a, days, _) = byKey[key];
            var queued = 0;
            foreach (var address in staff.Where(s => s.DepartmentId == a.DepartmentId).Select(s => s.Email).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    outbox.Email(address, Subject(a, days), Body(a, days), key);
                    queued++;
                }
                catch (DomainException e)
                {
                    // One unusable address (the account page only checks for an '@') must not stop the others.
                    logger.LogWarning("Reminder for application {Id} not queued for {Address}: {Reason}", a.Id, address, e.Message);
                }
            }
            return queued;
        }, ct);
    }

    /// <summary>
    /// Which reminder is due on <paramref name="today"/>: 5 from the day 5 working days before the due
    /// date, 2 from the day 2 working days before it until the due date. A reminder missed while no
    /// instance ran is sent late, but never after the next one's day.
    /// </summary>
    internal static int? Stage(WorkingDayCalendar calendar, DateOnly today, DateOnly dueOn)
    {
        if (today > dueOn) return null;
        int? stage = null;
        foreach (var days in DaysBefore)
        {
            if (today >= DayBefore(calendar, dueOn, days)) stage = days;
        }
        return stage;
    }

    /// <summary>The last day from which <paramref name="dueOn"/> is <paramref name="days"/> working days away.</summary>
    internal static DateOnly DayBefore(WorkingDayCalendar calendar, DateOnly dueOn, int days)
    {
        var day = dueOn.AddDays(-1);
        while (calendar.CountWorkingDays(day, dueOn) < days) day = day.AddDays(-1);
        return day;
    }

    private static string Subject(Candidate a, int days) =>
        $"依申请公开答复期限提醒：{a.TrackingCode} 还有{days}个工作日到期";

    private static string Body(Candidate a, int days) =>
        $"""
        {a.Department}：

        政府信息公开申请 {a.TrackingCode} 的答复期限为 {ClockNames.Chinese(a.DueOn)}，还有{days}个工作日。
        所需信息：{(a.Description.Length > 100 ? a.Description[..100] + "…" : a.Description)}

        请在答复期限内答复（《政府信息公开条例》第三十三条）；确需延长的，应经政府信息公开工作机构负责人同意并告知申请人。
        办理：登录政务公开平台后台，“依申请公开”，查询码 {a.TrackingCode}。

        （本邮件由系统自动发送。）
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Application reminders disabled on this instance (Gongkai:Applications:Reminders:Enabled=false)");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queued = await RunOnceAsync(stoppingToken);
                if (queued > 0) logger.LogInformation("Queued {Count} application reminder(s)", queued);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Queuing application reminders failed; trying again in {Interval}", settings.Interval);
            }

            try
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed record Candidate(long Id, string TrackingCode, int DepartmentId, string Department, DateOnly DueOn, string Description);
}

using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Features.Notifications;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.AnnualReports;

/// <summary>Settings under Gongkai:AnnualReports:Reminders.</summary>
public sealed class AnnualReportReminderOptions
{
    public const string Section = "Gongkai:AnnualReports:Reminders";

    /// <summary>Queue reminders on this instance (any number of instances may: each reminder is queued once).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>
/// Reminds each body that has not published last year's report 30 and 7 days before its deadline
/// (第四十九条: departments 1月31日, people's governments 3月31日), by e-mail through the notification outbox:
/// a department's 信息员 and 审核人, and for the district government the office administrators. Each reminder
/// is queued once (outbox key <c>annual-report-reminder:{year}:{body}:{days}</c>), checked and inserted in one
/// transaction that one writer holds at a time (<see cref="Outbox.QueueOnceAsync"/>).
/// </summary>
public sealed class AnnualReportReminderService(
    IServiceScopeFactory scopes,
    IOptions<AnnualReportReminderOptions> options,
    TimeProvider clock,
    ILogger<AnnualReportReminderService> logger) : BackgroundService
{
    /// <summary>Days before the deadline, the earlier first.</summary>
    public static readonly int[] DaysBefore = [30, 7];

    private const long ReminderLockKey = 0x476B4E6272656D; // "GkNbrem"

    public static string Key(int year, string body, int days) => $"annual-report-reminder:{year}:{body}:{days}";

    /// <summary>Which reminder is due on <paramref name="today"/>: 30 from 30 days before, 7 from 7 days before until the deadline.</summary>
    public static int? Stage(DateOnly today, DateOnly deadline)
    {
        if (today > deadline) return null;
        int? stage = null;
        foreach (var days in DaysBefore)
            if (today >= deadline.AddDays(-days)) stage = days;
        return stage;
    }

    /// <summary>One pass; returns how many messages it queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var today = ChinaTime.Today(clock);
        var year = today.Year - 1;
        var wanted = (await ReportDeadlines.ForYearAsync(db, year, ct))
            .Where(s => !s.Published)
            .Select(s => (Status: s, Days: Stage(today, s.Deadline)))
            .Where(x => x.Days is not null)
            .Select(x => (x.Status, Days: x.Days!.Value, Key: Key(year, x.Status.Code, x.Days!.Value)))
            .ToList();
        if (wanted.Count == 0) return 0;

        var departments = wanted.Select(w => w.Status.DepartmentId).ToList();
        var staff = await (
            from u in db.Users.AsNoTracking()
            where u.IsActive && u.Email != null
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == StaffRoles.OfficeAdmin
                || ((r.Name == StaffRoles.Editor || r.Name == StaffRoles.Reviewer) && u.DepartmentId != null && departments.Contains(u.DepartmentId.Value))
            select new { u.DepartmentId, Email = u.Email!, Office = r.Name == StaffRoles.OfficeAdmin })
            .Distinct().ToListAsync(ct);

        var byKey = wanted.ToDictionary(w => w.Key);
        return await outbox.QueueOnceAsync(ReminderLockKey, byKey.Keys, key =>
        {
            var (status, days, _) = byKey[key];
            var government = status.Code == Domain.AnnualReports.AnnualReportContent.GovernmentBody;
            var to = staff.Where(s => government ? s.Office : !s.Office && s.DepartmentId == status.DepartmentId)
                .Select(s => s.Email).Distinct(StringComparer.OrdinalIgnoreCase);
            var queued = 0;
            foreach (var address in to)
            {
                try
                {
                    outbox.Email(address, $"年度报告公布期限提醒：{status.Name}{year}年度报告还有{days}天到期",
                        Body(status, year, days), key);
                    queued++;
                }
                catch (DomainException e)
                {
                    logger.LogWarning("Annual report reminder for {Body} not queued for {Address}: {Reason}", status.Code, address, e.Message);
                }
            }
            return queued;
        }, ct);
    }

    private static string Body(ReportDeadlines.BodyStatus s, int year, int days) =>
        $"""
        {s.Name}：

        本机关{year}年政府信息公开工作年度报告应于 {s.Deadline:yyyy年M月d日} 前公布（《政府信息公开条例》第四十九条），还有{days}天，目前尚未公布。
        请登录政务公开平台后台，“年度报告”，核对系统统计的数据，填写来自其他系统的数据并注明来源，完善章节文字，校验通过后发布。

        （本邮件由系统自动发送。）
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queued = await RunOnceAsync(stoppingToken);
                if (queued > 0) logger.LogInformation("Queued {Count} annual report reminder(s)", queued);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Queuing annual report reminders failed; trying again in {Interval}", settings.Interval);
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
}

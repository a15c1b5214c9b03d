using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Cases;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Features.Calendar;
using Gongkai.Features.Catalogue.Oversight;
using Gongkai.Features.Notifications;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.PublicVoice.Supervision;

/// <summary>Settings under Gongkai:PublicVoice:Supervision.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Gongkai:PublicVoice:Supervision";

    /// <summary>Run the reminders and escalation on this instance (any number of instances may: each runs once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for near-due and overdue cases.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A case overdue by more than this many working days is escalated to the office (升级督办).</summary>
    public int EscalateAfterWorkingDays { get; set; } = 5;
}

/// <summary>
/// 督办 in the background, as the system (系统): e-mails the lead department's staff (信息员 and
/// 审核人 with an address) <see cref="CaseKindSetting.NearDueWorkingDays"/> working days before a
/// case's due date and once on the first day it is overdue, and escalates a case overdue by more
/// than <see cref="SupervisionOptions.EscalateAfterWorkingDays"/> working days
/// (<see cref="VoiceCase.Supervise"/> with escalate), telling the office. A case without a lead
/// department is the office's to remind (complaints: the supervision staff's; the department
/// complained about is never told). Once across instances: the reminders are queued with
/// <see cref="Outbox.QueueOnceAsync"/> under keys <c>case-reminder:{id}:{due}:near|overdue</c>
/// (a new due date after 发回重办 gets its own), and the whole pass holds a <see cref="JobLease"/>
/// so an escalation is decided on the state the previous run left. Tests call <see cref="RunOnceAsync"/>.
/// </summary>
internal sealed class CaseSupervisionService(
    IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, TimeProvider clock, ILogger<CaseSupervisionService> logger) : BackgroundService
{
    public const string Job = "case-supervision";
    public const int DefaultNearDueWorkingDays = 2;
    private const long ReminderLockKey = 0x476B436173655265; // "GkCaseRe"

    public static string Key(long caseId, DateOnly dueOn, string stage) => $"case-reminder:{caseId}:{dueOn:yyyy-MM-dd}:{stage}";

    public static string EscalationKey(long caseId) => $"case-escalated:{caseId}";

    /// <summary>One pass; returns the messages queued and the cases escalated.</summary>
    public async Task<(int Queued, int Escalated)> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var lease = await JobLease.AcquireAsync(services, Job, ct);
        await using var work = SystemWork.Create(services);
        var db = work.Db;
        var outbox = new Outbox(db, clock);
        var calendar = await services.GetRequiredService<CalendarService>().GetAsync(ct);
        var today = ChinaTime.Today(clock);
        var near = await NearDueDaysAsync(db, ct);
        var horizon = calendar.AddWorkingDays(today, near.Values.Append(DefaultNearDueWorkingDays).Max()).Due;

        var pending = Pending(db.Cases.AsNoTracking()).Where(c => c.DueOn <= horizon);
        var candidates = await pending
            .Select(c => new Candidate(c.Id, c.TrackingCode, c.Kind, c.Title, c.DepartmentId,
                db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(), c.DueOn, c.Escalated))
            .ToListAsync(ct);
        var wanted = candidates
            .Select(c => (Case: c, Stage: Stage(calendar, today, c.DueOn, near.GetValueOrDefault(c.Kind, DefaultNearDueWorkingDays))))
            .Where(x => x.Stage is not null)
            .ToDictionary(x => Key(x.Case.Id, x.Case.DueOn, x.Stage!), x => (x.Case, Stage: x.Stage!));

        var staff = await StaffAsync(db, ct);
        var queued = await outbox.QueueOnceAsync(ReminderLockKey, wanted.Keys, key =>
        {
            var (c, stage) = wanted[key];
            return Send(outbox, Recipients(staff, c), Subject(c, stage, today, calendar), Body(c, stage, today, calendar), key, c.Id);
        }, ct);

        var escalated = await EscalateAsync(db, outbox, staff, calendar, today, ct);
        return (queued, escalated);
    }

    /// <summary>
    /// Escalates the cases overdue by more than the configured working days, once each: the lease
    /// makes this run see an earlier run's <see cref="VoiceCase.Escalated"/>.
    /// </summary>
    private async Task<int> EscalateAsync(GongkaiDbContext db, Outbox outbox, List<StaffAddress> staff, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var after = Math.Max(0, options.Value.EscalateAfterWorkingDays);
        // Overdue by more than `after` working days: the due date lies before the day `after` working days back.
        var latestDue = today.AddDays(-1);
        while (latestDue > DateOnly.MinValue.AddDays(1) && calendar.CountWorkingDays(latestDue, today) <= after) latestDue = latestDue.AddDays(-1);
        var cases = await Pending(db.Cases).Where(c => !c.Escalated && c.DueOn <= latestDue)
            .Include(c => c.Events).AsSplitQuery().OrderBy(c => c.Id).ToListAsync(ct);
        if (cases.Count == 0) return 0;
        var context = new TransitionContext(calendar, today, AuditActorName, clock.GetUtcNow().UtcDateTime);
        foreach (var c in cases)
        {
            var days = calendar.CountWorkingDays(c.DueOn, today);
            c.Supervise($"已超过办理期限 {days} 个工作日（期限 {c.DueOn:yyyy年M月d日}），系统自动升级督办。", escalate: true, context);
            var office = staff.Where(s => c.Kind == CaseKind.Complaint ? s.Inspector : s.Office).Select(s => s.Email);
            var department = c.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
            Send(outbox, office, $"升级督办：{c.TrackingCode} 已超期 {days} 个工作日",
                $"""
                {c.Kind.ToChinese()} {c.TrackingCode}“{c.Title}”的办理期限为 {c.DueOn:yyyy年M月d日}，至今已超期 {days} 个工作日，{(department is null ? "尚未分办" : "主办部门：" + department)}。
                系统已将该件升级督办，请督促办理。

                办理：登录政务公开平台后台，“民生民意”，查询码 {c.TrackingCode}。

                （本邮件由系统自动发送。）
                """, EscalationKey(c.Id), c.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A member of staff stepped one of these cases meanwhile: the next run decides again on its new state.
            return 0;
        }
        return cases.Count;
    }

    private const string AuditActorName = "系统";

    /// <summary>Not yet answered: the reply deadline runs (<see cref="CaseCodes.IsPending"/>).</summary>
    private static IQueryable<VoiceCase> Pending(IQueryable<VoiceCase> cases) =>
        cases.Where(c => c.Status != CaseStatus.Answered && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Merged);

    /// <summary>
    /// Which reminder is due on <paramref name="today"/>: "near" from the day <paramref name="nearDays"/>
    /// working days before the due date until it, "overdue" from the day after it. A reminder missed
    /// while no instance ran is sent late, but never once the next one is due.
    /// </summary>
    internal static string? Stage(WorkingDayCalendar calendar, DateOnly today, DateOnly dueOn, int nearDays)
    {
        if (today > dueOn) return "overdue";
        if (nearDays <= 0) return null;
        var from = dueOn.AddDays(-1);
        while (calendar.CountWorkingDays(from, dueOn) < nearDays) from = from.AddDays(-1);
        return today >= from ? "near" : null;
    }

    internal static async Task<Dictionary<CaseKind, int>> NearDueDaysAsync(GongkaiDbContext db, CancellationToken ct) =>
        await db.CaseKindSettings.AsNoTracking().ToDictionaryAsync(s => s.Kind, s => s.NearDueWorkingDays, ct);

    private static async Task<List<StaffAddress>> StaffAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            where u.IsActive && u.Email != null
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == StaffRoles.Editor || r.Name == StaffRoles.Reviewer || r.Name == StaffRoles.OfficeAdmin || r.Name == StaffRoles.Inspector
            select new { u.DepartmentId, Email = u.Email!, Role = r.Name! })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.Email, r.DepartmentId)).Select(g => new StaffAddress(g.Key.DepartmentId, g.Key.Email,
            g.Any(r => r.Role is StaffRoles.Editor or StaffRoles.Reviewer),
            g.Any(r => r.Role == StaffRoles.OfficeAdmin), g.Any(r => r.Role == StaffRoles.Inspector)))];
    }

    /// <summary>The lead department's staff; without one, the office (complaints: the supervision staff only).</summary>
    private static IEnumerable<string> Recipients(List<StaffAddress> staff, Candidate c) =>
        c.Kind == CaseKind.Complaint ? staff.Where(s => s.Inspector).Select(s => s.Email)
        : c.DepartmentId is { } d ? staff.Where(s => s.Handler && s.DepartmentId == d).Select(s => s.Email)
        : staff.Where(s => s.Office).Select(s => s.Email);

    private int Send(Outbox outbox, IEnumerable<string> addresses, string subject, string body, string key, long caseId)
    {
        var queued = 0;
        foreach (var address in addresses.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                outbox.Email(address, subject, body, key);
                queued++;
            }
            catch (DomainException e)
            {
                // One unusable address must not stop the others.
                logger.LogWarning("Supervision message for case {Id} not queued for {Address}: {Reason}", caseId, address, e.Message);
            }
        }
        return queued;
    }

    private static string Subject(Candidate c, string stage, DateOnly today, WorkingDayCalendar calendar) => stage == "overdue"
        ? $"督办提醒：{c.TrackingCode} 已超过办理期限"
        : $"办理期限提醒：{c.TrackingCode} 还有{Math.Max(calendar.CountWorkingDays(today, c.DueOn), 0)}个工作日到期";

    private static string Body(Candidate c, string stage, DateOnly today, WorkingDayCalendar calendar) =>
        $"""
        {c.Department ?? (c.Kind == CaseKind.Complaint ? "效能监察人员" : "区政务公开办公室")}：

        {c.Kind.ToChinese()} {c.TrackingCode}“{c.Title}”的办理期限为 {c.DueOn:yyyy年M月d日}，{(stage == "overdue"
            ? $"已超期 {calendar.CountWorkingDays(c.DueOn, today)} 个工作日，请立即办理答复"
            : $"还有 {Math.Max(calendar.CountWorkingDays(today, c.DueOn), 0)} 个工作日，请按期答复")}。
        办理：登录政务公开平台后台，“民生民意”，查询码 {c.TrackingCode}。

        （本邮件由系统自动发送。）
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Case supervision disabled on this instance ({Section}:Enabled=false)", SupervisionOptions.Section);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (queued, escalated) = await RunOnceAsync(stoppingToken);
                if (queued + escalated > 0) logger.LogInformation("Case supervision: {Queued} reminder(s) queued, {Escalated} case(s) escalated", queued, escalated);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Case supervision failed; trying again in {Interval}", settings.Interval);
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

    private sealed record Candidate(long Id, string TrackingCode, CaseKind Kind, string Title, int? DepartmentId, string? Department, DateOnly DueOn, bool Escalated);

    private sealed record StaffAddress(int? DepartmentId, string Email, bool Handler, bool Office, bool Inspector);
}

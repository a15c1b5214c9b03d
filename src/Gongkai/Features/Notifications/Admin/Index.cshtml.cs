using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Notifications.Admin;

/// <summary>通知记录: the outbox, its delivery states, sending a failed message again, and a test e-mail.</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class IndexModel(
    GongkaiDbContext db,
    Outbox outbox,
    IOptions<NotificationOptions> options,
    IAuditActorAccessor actors,
    TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, NotificationChannel Channel, string Recipient, string Subject, DeliveryState State,
        int Attempts, string? LastError, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? Reference);

    /// <summary>Filter; "state" in the query string. Empty: all.</summary>
    [BindProperty(SupportsGet = true, Name = "state")] public DeliveryState? State { get; set; }

    /// <summary>"p", because Razor Pages keeps the route value "page" for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty]
    [Required(ErrorMessage = "请填写收件人电子邮件地址。")]
    [EmailAddress(ErrorMessage = "电子邮件地址格式不正确，例如 name@example.gov.cn。")]
    [StringLength(256, ErrorMessage = "电子邮件地址不能超过256个字符。")]
    public string? TestRecipient { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; } = 1;
    public bool SmtpConfigured => options.Value.Smtp.IsConfigured;
    public bool DispatcherEnabled => options.Value.Enabled;
    public int MaxAttempts => options.Value.MaxAttempts;
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return NotFound();
        try
        {
            notification.Retry(clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
        // Notification rows are not audited row by row (the dispatcher rewrites them constantly);
        // a person asking for a resend is worth a line in the audit log.
        if (actors.Current is { } actor)
            db.RecordEvent(actor, "NotificationRetried", nameof(Notification), id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"第 {id} 号通知已重新加入发送队列。";
        return RedirectToPage(new { state = State, p = PageNumber });
    }

    public async Task<IActionResult> OnPostTestMailAsync(CancellationToken ct)
    {
        if (ModelState.GetFieldValidationState(nameof(TestRecipient)) == ModelValidationState.Valid)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                // The audit line names the message's id, known only after the first save: one transaction for both.
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var notification = outbox.Email(TestRecipient!, "政务公开平台测试邮件",
                    $"这是一封测试邮件，用于确认政务公开平台的邮件发送设置是否正确。\n\n发起人：{User.Identity?.Name}\n时间：{ChinaTime(now)}（北京时间）\n\n收到本邮件说明设置正确，无需回复。",
                    reference: "TestMail");
                await db.SaveChangesAsync(ct);
                if (actors.Current is { } actor)
                {
                    db.RecordEvent(actor, "NotificationTestMail", nameof(Notification),
                        notification.Id.ToString(CultureInfo.InvariantCulture), new { recipient = notification.Recipient });
                    await db.SaveChangesAsync(ct);
                }
                await transaction.CommitAsync(ct);
                TempData["Message"] = SmtpConfigured
                    ? $"测试邮件已加入发送队列（第 {notification.Id} 号），稍后发往 {notification.Recipient}。"
                    : $"测试邮件已加入发送队列（第 {notification.Id} 号），但尚未配置SMTP服务器，配置后才会发出。";
                return RedirectToPage(new { state = State, p = PageNumber });
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(nameof(TestRecipient), e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Notifications.AsNoTracking();
        if (State is { } state) query = query.Where(n => n.State == state);
        Total = await query.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(n => new Row(n.Id, n.Channel, n.Recipient, n.Subject, n.State, n.Attempts, n.LastError,
                n.CreatedAt, n.NextAttemptAt, n.SentAt, n.Reference))
            .ToListAsync(ct);
        Rows = await HideComplainantsAsync(Rows, ct);
    }

    /// <summary>
    /// A conduct complaint's messages ("case:{id}:…") go to the complainant, whom only the
    /// supervision staff may know (PublicVoice/CaseActor): the office sees that one was sent, not to
    /// whom or about what.
    /// </summary>
    private async Task<IReadOnlyList<Row>> HideComplainantsAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        static long? CaseId(string? reference) =>
            reference?.Split(':') is ["case", var id, ..] && long.TryParse(id, CultureInfo.InvariantCulture, out var n) ? n : null;
        var ids = rows.Select(r => CaseId(r.Reference)).OfType<long>().Distinct().ToList();
        if (ids.Count == 0) return rows;
        var complaints = (await db.Cases.Where(c => ids.Contains(c.Id) && c.Kind == Domain.Cases.CaseKind.Complaint).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return [.. rows.Select(r => CaseId(r.Reference) is { } id && complaints.Contains(id)
            ? r with { Recipient = "（效能投诉人，不显示）", Subject = r.Subject.Length == 0 ? "" : "效能投诉办理通知", Reference = "效能投诉", LastError = r.LastError is null ? null : "发送失败（详情不显示）" }
            : r)];
    }

    public static string StateName(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "待发送",
        DeliveryState.Sending => "发送中",
        DeliveryState.Sent => "已发送",
        DeliveryState.Failed => "发送失败",
        _ => state.ToString(),
    };

    public static string ChannelName(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => "电子邮件",
        NotificationChannel.Sms => "短信",
        _ => channel.ToString(),
    };

    /// <summary>Instants are stored in UTC; staff read Beijing time (UTC+8, no daylight saving).</summary>
    public static string ChinaTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

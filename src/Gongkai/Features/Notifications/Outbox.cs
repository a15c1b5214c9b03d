using Gongkai.Data;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Gongkai.Features.Notifications;

/// <summary>
/// Where every capability drops its e-mails and text messages. Nothing is sent here: the message
/// is added to the caller's DbContext and written by the caller's SaveChanges, in the same
/// transaction as the change that causes it, so a rolled-back change never notifies anybody and a
/// committed one always does (<see cref="NotificationDispatcher"/> sends it).
/// </summary>
public sealed class Outbox(GongkaiDbContext db, TimeProvider clock)
{
    /// <exception cref="DomainException">The recipient, subject or body is not acceptable (message in Chinese).</exception>
    public Notification Enqueue(NotificationChannel channel, string recipient, string subject, string body, string? reference = null)
    {
        var notification = new Notification(channel, recipient, subject, body, clock.GetUtcNow().UtcDateTime, reference);
        // The entity checks for an '@'; MimeKit, which will send it, must also be able to read it,
        // or every attempt would fail the same way until the message is given up.
        if (channel == NotificationChannel.Email
            && (!MailboxAddress.TryParse(notification.Recipient, out var address) || address.Address.Split('@') is not [{ Length: > 0 }, { Length: > 0 }]))
            throw new DomainException("电子邮件地址格式不正确");
        db.Notifications.Add(notification);
        return notification;
    }

    public Notification Email(string address, string subject, string body, string? reference = null) =>
        Enqueue(NotificationChannel.Email, address, subject, body, reference);

    public Notification Sms(string phone, string text, string? reference = null) =>
        Enqueue(NotificationChannel.Sms, phone, "", text, reference);

    /// <summary>
    /// Queues the messages of each reference in <paramref name="references"/> that no run, on any instance,
    /// has queued before: the check and the inserts run in one transaction that only one writer holds at
    /// a time (SQLite's BEGIN IMMEDIATE; on PostgreSQL the advisory lock <paramref name="lockKey"/>), so
    /// reminders are sent once however many instances look for them. <paramref name="queue"/> adds the
    /// messages of one reference (carrying it as their reference) and returns how many it added.
    /// </summary>
    public async Task<int> QueueOnceAsync(long lockKey, IReadOnlyCollection<string> references, Func<string, int> queue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (references.Count == 0) return 0;
        var keys = references.ToList(); // a plain list for EF's IN (…) parameter
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db is PostgresGongkaiDbContext)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
        var sent = (await db.Notifications.AsNoTracking().Where(n => n.Reference != null && keys.Contains(n.Reference))
            .Select(n => n.Reference!).ToListAsync(ct)).ToHashSet();
        var queued = keys.Where(k => !sent.Contains(k)).Sum(queue);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return queued;
    }
}

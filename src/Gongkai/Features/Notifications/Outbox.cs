using Gongkai.Data;
using Gongkai.Domain.Common;
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
}

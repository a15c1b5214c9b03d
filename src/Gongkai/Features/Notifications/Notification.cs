using Gongkai.Domain.Common;

namespace Gongkai.Features.Notifications;

public enum NotificationChannel { Email = 0, Sms = 1 }

public enum DeliveryState
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending = 0,
    /// <summary>Claimed by a dispatcher that is sending it now.</summary>
    Sending = 1,
    Sent = 2,
    /// <summary>Gave up after the maximum number of attempts.</summary>
    Failed = 3,
}

/// <summary>One message in the outbox. Written in the same transaction as the change that causes it.</summary>
public class Notification
{
    public long Id { get; private set; }
    public NotificationChannel Channel { get; private set; }
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>What caused it, e.g. "Application:GK2026-00012", for the timeline of that record.</summary>
    public string? Reference { get; private set; }
    /// <summary>When a claim by a dispatcher that died expires and the message can be retried.</summary>
    public DateTime? ClaimedUntil { get; private set; }

    private Notification() { }

    public Notification(NotificationChannel channel, string recipient, string subject, string body, DateTime now, string? reference = null)
    {
        recipient = (recipient ?? "").Trim();
        if (recipient.Length == 0) throw new DomainException("收件人不能为空");
        if (channel == NotificationChannel.Email && !recipient.Contains('@', StringComparison.Ordinal))
            throw new DomainException("电子邮件地址格式不正确");
        if (channel == NotificationChannel.Sms && !IsPhoneNumber(recipient))
            throw new DomainException("手机号码格式不正确");
        // The column limits, so that PostgreSQL never refuses a row that SQLite would have taken.
        if (recipient.Length > 256) throw new DomainException("收件人不能超过256个字符");
        if ((subject ?? "").Length > 256) throw new DomainException("通知标题不能超过256个字");
        if ((reference ?? "").Length > 128) throw new DomainException("通知来源标识不能超过128个字符");
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException("通知内容不能为空");
        Channel = channel;
        Recipient = recipient;
        Subject = subject ?? "";
        Body = body;
        CreatedAt = now;
        NextAttemptAt = now;
        Reference = reference;
    }

    /// <summary>Digits with an optional leading '+' (international form), 5 to 20 of them.</summary>
    private static bool IsPhoneNumber(string value)
    {
        var digits = value.StartsWith('+') ? value[1..] : value;
        return digits.Length is >= 5 and <= 20 && digits.All(char.IsAsciiDigit);
    }

    public void MarkSent(DateTime now)
    {
        if (State != DeliveryState.Sending) throw new DomainException("只有正在发送的通知才能标记为已发送");
        State = DeliveryState.Sent;
        Attempts++;
        SentAt = now;
        LastError = null;
        ClaimedUntil = null;
    }

    /// <summary>Records a failed attempt; retries with exponential back-off until <paramref name="maxAttempts"/>.</summary>
    public void MarkAttemptFailed(string error, DateTime now, int maxAttempts)
    {
        if (State != DeliveryState.Sending) throw new DomainException("只有正在发送的通知才能记录失败");
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        ClaimedUntil = null;
        if (Attempts >= maxAttempts)
        {
            State = DeliveryState.Failed;
            return;
        }
        State = DeliveryState.Pending;
        // 1, 2, 4, 8 … minutes, at most an hour.
        NextAttemptAt = now.AddMinutes(Math.Min(60, Math.Pow(2, Attempts - 1)));
    }

    /// <summary>An office administrator asks for a failed message to be tried again.</summary>
    public void Retry(DateTime now)
    {
        if (State != DeliveryState.Failed) throw new DomainException("只有发送失败的通知才能重新发送");
        State = DeliveryState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}

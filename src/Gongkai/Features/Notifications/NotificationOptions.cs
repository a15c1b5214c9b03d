using MimeKit;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Notifications;

/// <summary>Settings under "Gongkai:Notifications" (environment variables Gongkai__Notifications__Xxx).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Gongkai:Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the background dispatcher looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a message is given up as failed (an administrator can send it again).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>
    /// How long a dispatcher's claim on a message lasts. A message still "sending" after this is
    /// taken to belong to a dispatcher that died, and is tried again: delivery is at least once.
    /// Keep it well above the SMTP timeout so a slow but living dispatcher is never overtaken.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the background dispatcher in this instance. Off for instances that should only enqueue.</summary>
    public bool Enabled { get; set; } = true;
}

public enum SmtpSecurity
{
    /// <summary>MailKit decides from the port: TLS on connect for 465, STARTTLS when offered otherwise.</summary>
    Auto = 0,
    None = 1,
    StartTls = 2,
    SslOnConnect = 3,
}

public sealed class SmtpOptions
{
    /// <summary>The SMTP server. Empty: e-mail is not configured (see <see cref="NotificationDispatcher"/>).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    /// <summary>Empty: no authentication (a relay that trusts the server's address).</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender, e.g. "明湖区政务公开 &lt;noreply@example.gov.cn&gt;". Required when <see cref="Host"/> is set.</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Checked when the host starts, so a typo stops the server with a message instead of failing every e-mail.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
            errors.Add("Gongkai:Notifications:PollInterval must be positive. 通知轮询间隔必须大于0。");
        if (options.MaxAttempts < 1)
            errors.Add("Gongkai:Notifications:MaxAttempts must be at least 1. 最大尝试次数至少为1。");
        if (options.ClaimTimeout < TimeSpan.FromSeconds(30))
            errors.Add("Gongkai:Notifications:ClaimTimeout must be at least 00:00:30. 发送认领超时不得少于30秒。");
        var smtp = options.Smtp;
        if (smtp.IsConfigured)
        {
            if (smtp.Port is < 1 or > 65535)
                errors.Add($"Gongkai:Notifications:Smtp:Port {smtp.Port} is not a port number. SMTP端口无效。");
            if (string.IsNullOrWhiteSpace(smtp.From) || !MailboxAddress.TryParse(smtp.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
                errors.Add("Gongkai:Notifications:Smtp:From must be a sender address such as \"政务公开 <noreply@example.gov.cn>\". 请设置发件人地址。");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

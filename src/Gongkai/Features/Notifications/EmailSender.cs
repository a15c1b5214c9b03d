using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Gongkai.Features.Notifications;

public interface IEmailSender
{
    /// <summary>False while no SMTP server is configured: the dispatcher then leaves e-mail in the outbox.</summary>
    bool IsConfigured { get; }

    /// <exception cref="NotificationDeliveryException">The server could not be reached or refused the message.</exception>
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>A delivery attempt failed; the message is plain Chinese for the back office.</summary>
public sealed class NotificationDeliveryException : Exception
{
    public NotificationDeliveryException(string message, Exception inner) : base(message, inner) { }
    public NotificationDeliveryException(string message) : base(message) { }
    public NotificationDeliveryException() { }
}

/// <summary>Plain-text UTF-8 e-mail through the configured SMTP server, one connection a message.</summary>
public sealed class SmtpEmailSender(IOptions<NotificationOptions> options) : IEmailSender
{
    /// <summary>Per network operation; far below the claim timeout so a slow server never causes a double send.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public bool IsConfigured => options.Value.Smtp.IsConfigured;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (smtp.Host is not { } host || !smtp.IsConfigured) throw new NotificationDeliveryException("未配置SMTP邮件服务器");

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From ?? "")); // validated at start-up
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var part = new TextPart(TextFormat.Plain);
        part.SetText("utf-8", body);
        message.Body = part;

        var where = $"{host}:{smtp.Port}";
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, smtp.Port, ToMailKit(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new NotificationDeliveryException(Describe(e, where), e);
        }
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>What the office administrator reads in the "last error" column.</summary>
    private static string Describe(Exception e, string where) => e switch
    {
        SocketException s => $"无法连接邮件服务器 {where}：{s.SocketErrorCode}",
        SslHandshakeException => $"与邮件服务器 {where} 建立加密连接失败：{e.Message}",
        AuthenticationException => $"邮件服务器 {where} 拒绝登录，请检查用户名和密码：{e.Message}",
        SmtpCommandException c when c.ErrorCode == SmtpErrorCode.RecipientNotAccepted => $"邮件服务器拒绝收件人（{(int)c.StatusCode}）：{c.Message}",
        SmtpCommandException c => $"邮件服务器拒绝发送（{(int)c.StatusCode}）：{c.Message}",
        SmtpProtocolException or ServiceNotConnectedException => $"与邮件服务器 {where} 的通信中断：{e.Message}",
        TimeoutException or OperationCanceledException => $"邮件服务器 {where} 响应超时",
        _ => $"发送失败（{e.GetType().Name}）：{e.Message}",
    };
}

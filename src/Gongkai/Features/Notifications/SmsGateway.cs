namespace Gongkai.Features.Notifications;

/// <summary>
/// A text-message gateway. Districts contract different operators, so the platform ships only
/// this seam; a deployment registers its own implementation after AddNotifications (replacing
/// <see cref="LoggingSmsGateway"/>).
/// </summary>
public interface ISmsGateway
{
    /// <exception cref="NotificationDeliveryException">The gateway refused or could not be reached.</exception>
    Task SendAsync(string phone, string text, CancellationToken cancellationToken);
}

/// <summary>The default: writes the message to the log and counts it as sent.</summary>
public sealed class LoggingSmsGateway(ILogger<LoggingSmsGateway> logger) : ISmsGateway
{
    public Task SendAsync(string phone, string text, CancellationToken cancellationToken)
    {
        // Only part of the number reaches the log: logs travel further than the database does.
        logger.LogInformation("SMS (not sent, no gateway configured) to {Phone}: {Text}", Mask(phone), text);
        return Task.CompletedTask;
    }

    internal static string Mask(string phone) =>
        phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}

using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Notifications;

/// <summary>
/// Sends what is due in the outbox. Any number of instances may run it at once: each message is
/// claimed with one conditional UPDATE (… WHERE Id = @id AND State = @expected …) and only the
/// instance whose update changed the row sends it. A claim that outlives
/// <see cref="NotificationOptions.ClaimTimeout"/> belonged to a dispatcher that died and is taken
/// over, so delivery is at least once, never silently lost.
///
/// While no SMTP server is configured, e-mail is not attempted at all: it stays Pending, without
/// attempts or errors piling up, and goes out once the server is configured. The back-office page
/// warns about it. Text messages always go (the default gateway only logs them).
/// </summary>
public sealed class NotificationDispatcher(
    GongkaiDbContext db,
    IEmailSender email,
    ISmsGateway sms,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger)
{
    private const int BatchSize = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Claims and attempts every message due now.</summary>
    /// <returns>How many messages this call attempted (sent or failed); those claimed by another instance are not counted.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var emailReady = email.IsConfigured;
        // One "now" for the whole run: a message that fails here is due again only after its
        // back-off, so the loop below ends.
        var now = Now;
        var attempted = 0;
        while (true)
        {
            var due = await db.Notifications.AsNoTracking()
                .Where(n => (n.State == DeliveryState.Pending && n.NextAttemptAt <= now)
                    || (n.State == DeliveryState.Sending && n.ClaimedUntil < now))
                .Where(n => emailReady || n.Channel != NotificationChannel.Email)
                .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
                .Select(n => new { n.Id, n.State })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            foreach (var candidate in due)
            {
                if (!await TryClaimAsync(candidate.Id, candidate.State, now, settings.ClaimTimeout, cancellationToken)) continue;
                await AttemptAsync(candidate.Id, settings.MaxAttempts, cancellationToken);
                attempted++;
            }
            if (due.Count < BatchSize) return attempted;
        }
    }

    /// <summary>True when this call, and no other, moved the message to Sending.</summary>
    private async Task<bool> TryClaimAsync(long id, DeliveryState expected, DateTime now, TimeSpan claimTimeout, CancellationToken cancellationToken)
    {
        var claimedUntil = Now + claimTimeout;
        var row = db.Notifications.Where(n => n.Id == id && n.State == expected);
        // Repeat the due condition: a stale claim that another instance just renewed is no longer stale.
        row = expected == DeliveryState.Pending
            ? row.Where(n => n.NextAttemptAt <= now)
            : row.Where(n => n.ClaimedUntil < now);
        var changed = await row.ExecuteUpdateAsync(s => s
            .SetProperty(n => n.State, DeliveryState.Sending)
            .SetProperty(n => n.ClaimedUntil, claimedUntil), cancellationToken);
        return changed == 1;
    }

    private async Task AttemptAsync(long id, int maxAttempts, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleAsync(n => n.Id == id, cancellationToken);
        try
        {
            if (notification.Channel == NotificationChannel.Email)
                await email.SendAsync(notification.Recipient, notification.Subject, notification.Body, cancellationToken);
            else
                await sms.SendAsync(notification.Recipient, notification.Body, cancellationToken);
            notification.MarkSent(Now);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // On shutdown (the case excluded above) nothing is recorded: the claim expires and the
            // message is tried again, which is better than calling an unfinished attempt a failure.
            var error = e is NotificationDeliveryException ? e.Message : $"发送失败（{e.GetType().Name}）：{e.Message}";
            logger.LogWarning("Notification {Id} ({Channel}) attempt {Attempt} failed: {Error}",
                id, notification.Channel, notification.Attempts + 1, error);
            notification.MarkAttemptFailed(error, Now, maxAttempts);
            if (notification.State == DeliveryState.Failed)
                logger.LogError("Notification {Id} given up after {Attempts} attempts", id, notification.Attempts);
        }
        // Not cancellable: once a message went out, recording it must not be skipped by a
        // shutdown, or it would be sent again when the claim expires.
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }
}

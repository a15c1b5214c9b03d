using Microsoft.Extensions.Options;

namespace Gongkai.Features.Notifications;

/// <summary>
/// Runs <see cref="NotificationDispatcher"/> every <see cref="NotificationOptions.PollInterval"/>,
/// each run in its own scope. A failing run (the database is down, say) is logged and the next
/// one comes as usual. It waits on the injected clock, so a test's fake clock drives it too.
/// </summary>
internal sealed class NotificationBackgroundService(
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Registration happens before configuration is complete (tests and hosts add settings
        // late), so Enabled is honoured here, when the options are first read.
        if (!settings.Enabled)
        {
            logger.LogInformation("Notification dispatcher disabled (Gongkai:Notifications:Enabled=false): messages stay in the outbox");
            return;
        }
        if (!settings.Smtp.IsConfigured)
            logger.LogWarning("No SMTP server configured (Gongkai:Notifications:Smtp:Host): e-mail notifications wait in the outbox");

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<NotificationDispatcher>();
                var attempted = await dispatcher.DispatchDueAsync(stoppingToken);
                if (attempted > 0) logger.LogDebug("Notification dispatcher attempted {Count} message(s)", attempted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Notification dispatch failed; trying again in {Interval}", settings.PollInterval);
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

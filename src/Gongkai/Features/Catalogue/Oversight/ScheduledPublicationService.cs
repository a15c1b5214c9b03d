using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Oversight;

/// <summary>
/// Publishes approved items whose publication time has come (定时发布), every
/// <see cref="OversightOptions.PublishInterval"/>, each run in its own scope and as the system.
/// A failing run is logged and the next one comes as usual. It waits on the injected clock, so a
/// test's fake clock drives it; tests may also call <see cref="RunOnceAsync"/> directly.
/// </summary>
internal sealed class ScheduledPublicationService(
    IServiceScopeFactory scopes,
    IOptions<OversightOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublicationService> logger) : BackgroundService
{
    /// <summary>One run: publishes every due item and returns how many it published (0 when another instance's run did it).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Runs on all instances never overlap, and each reads the due items only once it holds the
        // lease: an item another instance just published is no longer due, so it gets one 索引号 and
        // one publication.
        await using var lease = await Data.JobLease.AcquireAsync(scope.ServiceProvider, "scheduled-publication", cancellationToken);
        await using var work = SystemWork.Create(scope.ServiceProvider);
        return await work.Workflow.PublishDueAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Read here, not at registration: tests and hosts add settings after the services are listed.
        if (!settings.PublishScheduledItems)
        {
            logger.LogInformation("Scheduled publication disabled on this instance (Gongkai:Catalogue:Oversight:PublishScheduledItems=false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RunOnceAsync(stoppingToken);
                if (published > 0) logger.LogInformation("Published {Count} scheduled item(s)", published);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbUpdateException e)
            {
                // Another instance published the same item, or took the same 索引号 number, first.
                logger.LogWarning(e, "Scheduled publication conflicted with another writer; trying again in {Interval}", settings.PublishInterval);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Scheduled publication failed; trying again in {Interval}", settings.PublishInterval);
            }

            try
            {
                await Task.Delay(settings.PublishInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

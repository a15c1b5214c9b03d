using Gongkai.Features.Calendar;
using Gongkai.Features.Catalogue.Oversight;
using Gongkai.Features.Accounts;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications;

/// <summary>
/// Every <see cref="ApplicationOptions.LapseCheckInterval"/>, as the system (系统): closes the
/// applications whose applicant let the correction deadline (第三十条) or the payment deadline
/// (国办函〔2020〕109号) pass, and keeps stored due dates in step with the calendar. Waits on the
/// injected clock; tests call <see cref="RunOnceAsync"/>. Runs hold a <see cref="Data.JobLease"/>,
/// so any number of instances may run it.
/// </summary>
internal sealed class ApplicationLapseService(
    IServiceScopeFactory scopes,
    IOptions<ApplicationOptions> options,
    TimeProvider clock,
    ILogger<ApplicationLapseService> logger) : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // One run at a time across instances, reading the applications once it holds the lease: an
        // application another instance just closed is not closed (and its event recorded) twice.
        await using var lease = await Data.JobLease.AcquireAsync(scope.ServiceProvider, "application-lapse", cancellationToken);
        await using var work = SystemWork.Create(scope.ServiceProvider);
        var services = scope.ServiceProvider;
        var workflow = new ApplicationWorkflow(work.Db, DepartmentScope.System, services.GetRequiredService<CalendarService>(), clock,
            new Audit.FixedAuditActorAccessor(Audit.AuditActor.System), services.GetRequiredService<ApplicantProtector>());
        return await workflow.CloseLapsedAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.CloseLapsedApplications) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var closed = await RunOnceAsync(stoppingToken);
                if (closed > 0) logger.LogInformation("Closed {Count} lapsed application(s)", closed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Another instance may have closed the same application first (a concurrency conflict).
                logger.LogWarning(e, "Closing lapsed applications failed; trying again in {Interval}", settings.LapseCheckInterval);
            }

            try
            {
                await Task.Delay(settings.LapseCheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

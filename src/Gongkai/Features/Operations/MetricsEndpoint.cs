using System.Globalization;
using System.Text;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Cases;
using Gongkai.Features.Notifications;
using Gongkai.Features.Search;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Operations;

/// <summary>
/// GET /metrics in the Prometheus text exposition format (version 0.0.4), written by hand: this
/// instance's requests and latency, plus gauges read from the database at scrape time — how far
/// this instance's search index is behind the change log, the notification queue and the overdue
/// applications (第三十三条 deadlines passed). A database that cannot be read gives gongkai_database_up 0
/// and leaves the database gauges out, so a scrape never fails with the database.
/// </summary>
internal static class MetricsEndpoint
{
    public static async Task WriteAsync(HttpContext context, HttpMetrics http, SearchIndex index, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var text = new StringBuilder(4096);
        Header(text, "gongkai_http_requests_total", "counter", "HTTP requests answered, by route template, method and status.");
        foreach (var ((route, method, status), count) in http.Requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
            text.Append("gongkai_http_requests_total{route=\"").Append(Escape(route)).Append("\",method=\"").Append(Escape(method))
                .Append("\",status=\"").Append(status.ToString(CultureInfo.InvariantCulture)).Append("\"} ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Header(text, "gongkai_http_request_duration_seconds", "histogram", "Time from the first middleware until the response was complete.");
        foreach (var (route, histogram) in http.Latency.OrderBy(l => l.Route, StringComparer.Ordinal))
        {
            var (cumulative, sum) = histogram.Snapshot();
            var label = Escape(route);
            for (var i = 0; i < HttpMetrics.Buckets.Length; i++)
                Sample(text, $"gongkai_http_request_duration_seconds_bucket{{route=\"{label}\",le=\"{Number(HttpMetrics.Buckets[i])}\"}}", cumulative[i]);
            Sample(text, $"gongkai_http_request_duration_seconds_bucket{{route=\"{label}\",le=\"+Inf\"}}", cumulative[^1]);
            text.Append("gongkai_http_request_duration_seconds_sum{route=\"").Append(label).Append("\"} ").Append(Number(sum)).Append('\n');
            Sample(text, $"gongkai_http_request_duration_seconds_count{{route=\"{label}\"}}", cumulative[^1]);
        }

        var up = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var ct = timeout.Token;
            var lastChange = await db.ChangeLog.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            var queue = await db.Notifications.CountAsync(n => n.State == DeliveryState.Pending || n.State == DeliveryState.Sending, ct);
            var failed = await db.Notifications.CountAsync(n => n.State == DeliveryState.Failed, ct);
            var today = ChinaTime.Today(clock);
            // The inbox's definition of overdue: still open, the clock running, the due date passed.
            var overdue = await db.Applications.CountAsync(a => a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed && a.DueOn < today, ct);
            // Public-voice cases not yet answered whose reply deadline has passed (the case list's overdue filter).
            var overdueCases = (await db.Cases.Where(c => c.DueOn < today && c.Status != CaseStatus.Answered && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Merged)
                .GroupBy(c => c.Kind).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.N);
            up = 1;

            Header(text, "gongkai_search_index_lag_entries", "gauge", "Change-log entries this instance's search index has not applied yet.");
            var checkpoint = index.Checkpoint;
            Sample(text, "gongkai_search_index_lag_entries", checkpoint is null ? lastChange : Math.Max(0, lastChange - checkpoint.Value));
            Header(text, "gongkai_change_log_last_id", "gauge", "Id of the newest change-log entry in the database.");
            Sample(text, "gongkai_change_log_last_id", lastChange);
            Header(text, "gongkai_notifications_queued", "gauge", "Notifications waiting to be sent (pending or being sent).");
            Sample(text, "gongkai_notifications_queued", queue);
            Header(text, "gongkai_notifications_failed", "gauge", "Notifications given up after the last attempt.");
            Sample(text, "gongkai_notifications_failed", failed);
            Header(text, "gongkai_applications_overdue", "gauge", "Open applications whose statutory reply deadline has passed.");
            Sample(text, "gongkai_applications_overdue", overdue);
            Header(text, "gongkai_cases_overdue", "gauge", "Opinions, complaints and suggestions not answered by their reply deadline, by kind.");
            foreach (var kind in Enum.GetValues<CaseKind>())
                Sample(text, $"gongkai_cases_overdue{{kind=\"{kind.Code()}\"}}", overdueCases.GetValueOrDefault(kind));
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Reported as gongkai_database_up 0 below.
        }
        Header(text, "gongkai_database_up", "gauge", "1 when this scrape could read the database.");
        Sample(text, "gongkai_database_up", up);

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Header(text, "process_resident_memory_bytes", "gauge", "Resident memory of this instance.");
        Sample(text, "process_resident_memory_bytes", process.WorkingSet64);
        Header(text, "dotnet_gc_heap_bytes", "gauge", "Managed heap size after the last collection.");
        Sample(text, "dotnet_gc_heap_bytes", GC.GetGCMemoryInfo().HeapSizeBytes);

        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string series, long value) =>
        text.Append(series).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Label values escape backslash, double quote and newline (exposition format).</summary>
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gongkai.Features.Operations;

/// <summary>
/// First in the pipeline: gives every request an id that is echoed as X-Request-Id and found in
/// the JSON logs (RequestId; a proxy's own id is kept when it sends one), and counts the request
/// for /metrics by route template and status once the rest of the pipeline, error pages included,
/// has answered.
/// </summary>
internal sealed class RequestTelemetry(RequestDelegate next, HttpMetrics metrics, ILogger<RequestTelemetry> log)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        IDisposable? scope = null;
        if (context.Request.Headers[Header] is [{ } incoming] && IsUsable(incoming))
        {
            // The hosting scope already captured the server's id; this scope carries the proxy's,
            // so a request can be followed from nginx's log into ours.
            context.TraceIdentifier = incoming;
            scope = log.BeginScope(new Dictionary<string, object> { ["RequestId"] = incoming });
        }
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            ctx.Response.Headers[Header] = ctx.TraceIdentifier;
            return Task.CompletedTask;
        }, context);
        try
        {
            await next(context);
        }
        finally
        {
            scope?.Dispose();
            metrics.Record(RouteOf(context), MethodOf(context.Request.Method), context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>Any token is a method to Kestrel: unknown ones share one label, so a client cannot add series.</summary>
    private static string MethodOf(string method) => method switch
    {
        "GET" or "HEAD" or "POST" or "PUT" or "PATCH" or "DELETE" or "OPTIONS" => method,
        _ => "OTHER",
    };

    /// <summary>Short, printable ASCII without quotes: safe in a header, a log line and a label.</summary>
    private static bool IsUsable(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => c is > ' ' and < '\x7f' and not '"' and not '\\');

    private static readonly object EndpointKey = new();

    /// <summary>
    /// Right after routing: remembers the endpoint the request itself matched (or none), before a
    /// re-executed error page (/error/404) replaces it.
    /// </summary>
    public static Task RememberEndpoint(HttpContext context, RequestDelegate next)
    {
        context.Items.TryAdd(EndpointKey, context.GetEndpoint());
        return next(context);
    }

    /// <summary>The route template, never the raw path: label values stay few however many items there are.</summary>
    private static string RouteOf(HttpContext context)
    {
        var endpoint = context.Items.TryGetValue(EndpointKey, out var matched) ? matched as Endpoint : context.GetEndpoint();
        if (endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern }) return "/" + pattern.TrimStart('/');
        if (endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
            return page.ViewEnginePath;
        // Answered before routing: the item-page cache, static files, or nothing matched.
        if (context.Response.Headers.ContainsKey("X-Cache")) return "/items/{id} (cache)";
        if (context.Response.StatusCode >= 400) return "(unmatched)";
        return "(static)";
    }
}

/// <summary>Request counts and a latency histogram per route template, kept in memory for /metrics.</summary>
internal sealed class HttpMetrics
{
    /// <summary>Upper bounds in seconds, from a cached page (sub-millisecond) to a slow PDF.</summary>
    public static readonly double[] Buckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<(string Route, string Method, int Status), long[]> _requests = new();
    private readonly ConcurrentDictionary<string, Histogram> _latency = new();

    public void Record(string route, string method, int status, double seconds)
    {
        Interlocked.Increment(ref _requests.GetOrAdd((route, method, status), _ => new long[1])[0]);
        _latency.GetOrAdd(route, _ => new Histogram()).Observe(seconds);
    }

    public IEnumerable<((string Route, string Method, int Status) Key, long Count)> Requests =>
        _requests.Select(p => (p.Key, Interlocked.Read(ref p.Value[0])));

    public IEnumerable<(string Route, Histogram Histogram)> Latency => _latency.Select(p => (p.Key, p.Value));

    internal sealed class Histogram
    {
        private readonly long[] _counts = new long[Buckets.Length + 1];
        private long _sumMicroseconds;

        public void Observe(double seconds)
        {
            // A plain loop: a lambda here would capture `seconds` and allocate on every request.
            var i = 0;
            while (i < Buckets.Length && seconds > Buckets[i]) i++;
            Interlocked.Increment(ref _counts[i]);
            Interlocked.Add(ref _sumMicroseconds, (long)(seconds * 1_000_000));
        }

        /// <summary>Cumulative counts per bucket (the last is +Inf, i.e. the total) and the sum in seconds.</summary>
        public (long[] Cumulative, double Sum) Snapshot()
        {
            var cumulative = new long[_counts.Length];
            long running = 0;
            for (var i = 0; i < _counts.Length; i++) cumulative[i] = running += Interlocked.Read(ref _counts[i]);
            return (cumulative, Interlocked.Read(ref _sumMicroseconds) / 1_000_000d);
        }
    }
}

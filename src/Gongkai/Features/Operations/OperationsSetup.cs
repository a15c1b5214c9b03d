using System.Text.Json;
using Gongkai.Data;
using Gongkai.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Operations;

public static class OperationsSetup
{
    public static void AddOperations(this WebApplicationBuilder builder)
    {
        // /healthz is liveness (this process can work: restart it if not); /readyz is readiness
        // (send it traffic: database reachable, schema current, search index caught up at start).
        builder.Services.AddSingleton<IndexCatchUpHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<IndexFolderHealthCheck>("index", tags: [Live, Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready])
            .AddCheck<IndexCatchUpHealthCheck>("searchIndex", tags: [Ready]);
        builder.Services.AddSingleton<HttpMetrics>();
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
        // A running server holds the data folder, so that `restore` refuses to pull it from under it.
        builder.Services.AddSingleton<ServerDataFolderLock>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServerDataFolderLock>());
        // Structured logs: one JSON object a line with the request id in its scope, unless an
        // operator chose another formatter (Logging:Console:FormatterName).
        if (string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
    }

    private const string Live = "live", Ready = "ready";

    public static void MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Live),
            ResponseWriter = WriteHealth,
        }).DisableHttpMetrics();
        app.MapHealthChecks("/readyz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteHealth,
        }).DisableHttpMetrics();
        // Operators' only: the nginx example denies it from outside (docs/nginx-gongkai.conf).
        app.MapGet("/metrics", (HttpContext context, HttpMetrics http, Search.SearchIndex index, IServiceScopeFactory scopes, TimeProvider clock) =>
            MetricsEndpoint.WriteAsync(context, http, index, scopes, clock)).ExcludeFromDescription().DisableHttpMetrics();
    }

    private static readonly JsonSerializerOptions HealthJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson));
    }
}

internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await db.Database.CanConnectAsync(timeout.Token)
                ? HealthCheckResult.Healthy("数据库可访问")
                : HealthCheckResult.Unhealthy("数据库无法连接");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("数据库无法连接：" + e.GetType().Name);
        }
    }
}

internal sealed class IndexFolderHealthCheck(IOptions<GongkaiOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.IndexPath;
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".health-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return Task.FromResult(HealthCheckResult.Healthy("搜索索引目录可读写"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("搜索索引目录不可写：" + path));
        }
    }
}

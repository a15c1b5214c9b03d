using Gongkai.Data;
using Gongkai.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gongkai.Features.Operations;

/// <summary>
/// Ready only once the database schema is the one this version expects: a load balancer must not
/// send requests to an instance started before `migrate` ran (Gongkai__MigrateAtStartup=false).
/// </summary>
internal sealed class MigrationsHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("数据库结构为最新版本")
                : HealthCheckResult.Unhealthy($"有 {pending.Count} 个数据库迁移尚未执行，请运行 migrate 命令");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("无法读取数据库迁移记录：" + e.GetType().Name);
        }
    }
}

/// <summary>
/// At start, this instance's search index must first catch up with the change log as it stood
/// when the instance was first asked (a new or lost index is rebuilt): until then search would
/// miss items the other instances already show. Once caught up it stays ready; lag after that is
/// reported by /metrics, not by taking the instance out of the pool.
/// </summary>
internal sealed class IndexCatchUpHealthCheck(SearchIndex index, IServiceScopeFactory scopes) : IHealthCheck
{
    private long? _target;
    private volatile bool _caughtUp;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_caughtUp) return HealthCheckResult.Healthy("搜索索引已跟上变更记录");
        try
        {
            if (_target is null)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
                _target = await db.ChangeLog.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            }
            var checkpoint = index.Checkpoint;
            if (checkpoint is not null && checkpoint >= _target)
            {
                _caughtUp = true;
                return HealthCheckResult.Healthy("搜索索引已跟上变更记录");
            }
            return HealthCheckResult.Unhealthy($"搜索索引正在建立（已到变更 {checkpoint?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "无"}，目标 {_target}）");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("无法读取变更记录：" + e.GetType().Name);
        }
    }
}

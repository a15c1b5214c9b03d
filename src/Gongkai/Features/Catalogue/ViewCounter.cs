using System.Collections.Concurrent;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue;

/// <summary>
/// 访问量 without a database write per page view: views are counted in memory and added to the
/// database every few seconds as one atomic increment per item (correct with several instances,
/// since each adds only its own views). A crash loses at most the last few seconds of counts.
/// </summary>
public sealed class ViewCounter
{
    private readonly ConcurrentDictionary<long, int> _pending = new();
    private readonly ConcurrentDictionary<long, long> _counted = new();

    public void Count(long itemId)
    {
        _pending.AddOrUpdate(itemId, 1, (_, n) => n + 1);
        _counted.AddOrUpdate(itemId, 1, (_, n) => n + 1);
    }

    /// <summary>
    /// Views of the item counted by this instance since it started; never reset by a flush, so a
    /// cached page can show its rendered count plus the views counted after it was rendered.
    /// </summary>
    public long CountedSinceStart(long itemId) => _counted.TryGetValue(itemId, out var n) ? n : 0;

    /// <summary>Views counted here and not yet written, to add to what the database says.</summary>
    public int Pending(long itemId) => _pending.TryGetValue(itemId, out var n) ? n : 0;

    public async Task<int> FlushAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var flushed = 0;
        foreach (var id in _pending.Keys)
        {
            if (!_pending.TryRemove(id, out var n) || n == 0) continue;
            try
            {
                await db.Items.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.ViewCount, i => i.ViewCount + n), ct);
                flushed += n;
            }
            catch
            {
                _pending.AddOrUpdate(id, n, (_, m) => m + n); // keep them for the next flush
                throw;
            }
        }
        return flushed;
    }
}

/// <summary>Writes the counted views every five seconds and once more at shutdown.</summary>
public sealed class ViewCountFlushService(ViewCounter counter, IServiceScopeFactory scopes, ILogger<ViewCountFlushService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); }
            catch (OperationCanceledException) { break; }
            await FlushAsync(CancellationToken.None);
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await counter.FlushAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), ct);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not write page view counts; they are kept for the next attempt");
        }
    }
}

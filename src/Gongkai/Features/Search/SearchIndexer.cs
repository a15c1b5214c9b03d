using System.Diagnostics;
using System.Runtime;
using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Search;

/// <summary>
/// Brings this instance's index up to date from the change log (STYLE.md §7): reads the entries
/// after the index's own checkpoint, re-reads those items from the database (the truth), and
/// commits the documents together with the new checkpoint. A new, lost or wiped index is rebuilt
/// from all published items, and so is one that outgrew its gram set (<see cref="SearchIndex.GramsStale"/>).
/// Safe to call from several threads; one catch-up runs at a time.
/// </summary>
public sealed class SearchIndexer(SearchIndex index, IServiceScopeFactory scopes, ILogger<SearchIndexer> log) : IDisposable
{
    /// <summary>Items read from the database at a time (smaller in tests, to cross batch boundaries).</summary>
    internal int Batch { get; init; } = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public SearchIndex Index => index;

    /// <summary>Returns the number of items (re)indexed or removed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            if (index.Checkpoint is null) return await RebuildAsync(db, ct);
            if (index.GramsStale)
            {
                log.LogInformation("Search index has outgrown the sample its gram set was learnt from; rebuilding");
                return await RebuildAsync(db, ct);
            }
            var total = 0;
            while (true)
            {
                var after = index.Checkpoint ?? 0;
                var entries = await db.ChangeLog.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(Batch)
                    .Select(c => new { c.Id, c.EntityId }).ToListAsync(ct);
                if (entries.Count == 0) return total;
                var ids = entries.Select(e => e.EntityId).Distinct().ToList();
                var docs = await LoadAsync(db, ids, ct);
                index.Delete(ids.Except(docs.Select(d => d.Id)));
                index.Upsert(docs);
                index.Commit(entries[^1].Id);
                total += ids.Count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Empties the index and indexes every published item again (the `reindex` command; a lost index).</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            return await RebuildAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> RebuildAsync(GongkaiDbContext db, CancellationToken ct)
    {
        // The checkpoint is read first: changes made during the rebuild are replayed afterwards.
        var checkpoint = await db.ChangeLog.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var started = Stopwatch.StartNew();
        index.DeleteAll();
        long after = 0;
        var count = 0;
        while (true)
        {
            // One query per batch, in Id order (the index adds such documents without a delete).
            var docs = await LoadAsync(db, db.Items.Where(i => i.State == ItemState.Published && i.Id > after).OrderBy(i => i.Id).Take(Batch), ct);
            if (docs.Count == 0) break;
            index.Upsert(docs);
            after = docs[^1].Id;
            count += docs.Count;
        }
        var added = started.Elapsed;
        index.WaitForMerges();
        index.Commit(checkpoint);
        log.LogInformation("Search index rebuilt with {Count} items up to change {Checkpoint} in {Seconds:F0} s ({Merging:F0} s of it finishing merges)",
            count, checkpoint, started.Elapsed.TotalSeconds, (started.Elapsed - added).TotalSeconds);
        // A rebuild is rare and leaves the heap grown by its buffers: give the memory back to the
        // machine (and so to the page cache the index is read through).
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return count;
    }

    /// <summary>Search documents of the given items that are published (others are left out, to be deleted).</summary>
    private static Task<List<SearchDocument>> LoadAsync(GongkaiDbContext db, List<long> ids, CancellationToken ct) =>
        LoadAsync(db, db.Items.Where(i => ids.Contains(i.Id) && i.State == ItemState.Published), ct);

    /// <summary>Search documents of <paramref name="items"/>, in Id order; only the columns the index needs are read.</summary>
    private static async Task<List<SearchDocument>> LoadAsync(GongkaiDbContext db, IQueryable<DisclosureItem> items, CancellationToken ct)
    {
        var rows = await (from i in items.AsNoTracking()
                          join d in db.Departments on i.DepartmentId equals d.Id
                          join c in db.Categories on i.CategoryId equals c.Id
                          join t in db.Themes on i.ThemeId equals t.Id into themes
                          from t in themes.DefaultIfEmpty()
                          select new
                          {
                              i.Id, i.Title, i.Body, i.DocumentNumber, i.IndexNumber, i.PublishedOn, i.Validity,
                              DepartmentCode = d.Code, DepartmentName = d.Name, CategoryCode = c.Code, ThemeCode = t == null ? null : t.Code,
                          })
                         .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var attachments = (await db.ItemAttachments.AsNoTracking().Where(a => ids.Contains(a.ItemId) && a.ExtractedText != null)
            .Select(a => new { a.ItemId, a.ExtractedText }).ToListAsync(ct)).ToLookup(a => a.ItemId, a => a.ExtractedText);
        // In Id order whatever order the join returned: a rebuild continues after the last Id.
        return rows.OrderBy(r => r.Id).Select(r => new SearchDocument(
            r.Id, r.Title, PersonalDataCheck.HtmlToText(r.Body), string.Join('\n', attachments[r.Id]),
            r.DocumentNumber, r.IndexNumber, r.DepartmentCode, r.DepartmentName, r.CategoryCode, r.ThemeCode,
            r.PublishedOn ?? default, r.Validity.ToChinese(), ItemQueries.Url(r.Id))).ToList();
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>Follows the change log: publication reaches this instance's index within about a second.</summary>
public sealed class SearchIndexingService(SearchIndexer indexer, ILogger<SearchIndexingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down for a moment: keep going, the checkpoint makes it exact later.
                log.LogWarning(e, "Search index catch-up failed; retrying");
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue;

/// <summary>
/// Rendered public item pages kept in memory, so that a warm page costs a dictionary lookup and a
/// write instead of a page render and four queries (issue 3: an item page at no less than half
/// what nginx serves from a file). Only anonymous GETs are cached; a staff member with the
/// sign-in cookie always gets a fresh render. The 访问量 is not frozen: the page is kept as the
/// bytes before and after the count, and each hit writes the count rendered plus the views this
/// instance counted since. <see cref="ItemPageCacheFollower"/> evicts a page within a second of
/// any change to its item on any instance, by following the change log.
/// </summary>
public sealed class ItemPageCache(IOptions<CatalogueOptions> options, TimeProvider clock)
{
    /// <summary>Bounds memory: at ~15 KB a page, about 150 MB at most; a full cache is simply emptied.</summary>
    private const int MaxEntries = 10_000;
    private static readonly byte[] CountMarker = "data-view-count>"u8.ToArray();

    internal sealed record Entry(byte[] Head, byte[] Tail, long RenderedCount, long CountedAtRender,
        KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[] Headers, long ExpiresAtTicks);

    private readonly ConcurrentDictionary<(long Id, int Variant), Entry> _entries = new();
    private readonly ConcurrentDictionary<long, long> _generations = new();

    public bool Enabled => options.Value.ItemPageCacheSeconds > 0;

    /// <summary>The last change-log entry whose pages were evicted (how far behind the database this instance's cache can be).</summary>
    public long FollowedChange { get; internal set; } = -1;

    internal bool TryGet(long id, int variant, out Entry entry)
    {
        if (_entries.TryGetValue((id, variant), out entry!) && entry.ExpiresAtTicks > clock.GetUtcNow().UtcTicks) return true;
        entry = null!;
        return false;
    }

    /// <summary>A token taken before rendering; <see cref="TryStore"/> refuses the page if the item changed meanwhile.</summary>
    internal long Generation(long id) => _generations.TryGetValue(id, out var g) ? g : 0;

    internal void TryStore(long id, int variant, long generation, byte[] page, long countedAtRender,
        KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[] headers)
    {
        var at = page.AsSpan().IndexOf(CountMarker);
        if (at < 0) return;
        var start = at + CountMarker.Length;
        var end = page.AsSpan(start).IndexOf((byte)'<');
        if (end < 0 || !Utf8Parser.TryParse(page.AsSpan(start, end), out long rendered, out var used) || used != end) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        var expires = clock.GetUtcNow().AddSeconds(options.Value.ItemPageCacheSeconds).UtcTicks;
        var entry = new Entry(page[..start], page[(start + end)..], rendered, countedAtRender, headers, expires);
        _entries[(id, variant)] = entry;
        // Changed while this page was being rendered: the render may predate the change.
        if (Generation(id) != generation) _entries.TryRemove((id, variant), out _);
    }

    public void Evict(long id)
    {
        _generations.AddOrUpdate(id, 1, (_, g) => g + 1);
        foreach (var key in _entries.Keys)
            if (key.Id == id) _entries.TryRemove(key, out _);
    }

    public void Clear() => _entries.Clear();

    internal int Count => _entries.Count;
}

/// <summary>Serves <c>/items/{id}</c> from <see cref="ItemPageCache"/> and fills it on a miss.</summary>
public sealed class ItemPageCacheMiddleware(RequestDelegate next, ItemPageCache cache, ViewCounter views)
{
    /// <summary>Headers of the rendered page that are replayed on a hit (the rest are per response).</summary>
    private static readonly string[] KeptHeaders =
        ["Content-Type", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Content-Security-Policy"];

    private static readonly Microsoft.Extensions.Primitives.StringValues Hit = "HIT";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!cache.Enabled || !HttpMethods.IsGet(context.Request.Method) || !TryParse(context, out var id, out var variant)
            || SignedIn(context.Request))
        {
            await next(context);
            return;
        }

        if (cache.TryGet(id, variant, out var entry))
        {
            views.Count(id);
            Span<byte> count = stackalloc byte[20];
            Utf8Formatter.TryFormat(entry.RenderedCount + views.CountedSinceStart(id) - entry.CountedAtRender, count, out var digits);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            foreach (var (name, value) in entry.Headers) response.Headers[name] = value;
            response.Headers["X-Cache"] = Hit;
            response.ContentLength = entry.Head.Length + digits + entry.Tail.Length;
            var writer = response.BodyWriter;
            writer.Write(entry.Head);
            writer.Write(count[..digits]);
            writer.Write(entry.Tail);
            await writer.FlushAsync(context.RequestAborted);
            return;
        }

        var generation = cache.Generation(id);
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        context.Response.OnStarting(() => { context.Response.Headers["X-Cache"] = "MISS"; return Task.CompletedTask; });
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        // The page counted this view before rendering; later hits add what was counted after it.
        var countedAtRender = views.CountedSinceStart(id);
        var headers = context.Response.Headers;
        if (context.Response.StatusCode == StatusCodes.Status200OK && !headers.ContainsKey("Set-Cookie")
            && headers.ContentType.ToString().StartsWith("text/html", StringComparison.Ordinal))
        {
            var kept = KeptHeaders.Where(h => headers.ContainsKey(h)).Select(h => KeyValuePair.Create(h, headers[h])).ToArray();
            cache.TryStore(id, variant, generation, buffer.ToArray(), countedAtRender, kept);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>A staff member's pages may differ (and must never be served to others): any request with the sign-in cookie is rendered fresh.</summary>
    private static bool SignedIn(HttpRequest request) =>
        request.Headers.Cookie.Any(c => c is not null && c.Contains(Accounts.AccountsSetup.AuthCookieName, StringComparison.Ordinal));

    /// <summary>
    /// <c>/items/{id}</c> with no query, <c>font=large|small</c> and/or <c>view=print</c> (the page's
    /// own links); anything else is rendered fresh so that odd queries cannot fill the cache.
    /// </summary>
    private static bool TryParse(HttpContext context, out long id, out int variant)
    {
        id = 0;
        variant = 0;
        var path = context.Request.Path.Value;
        if (path is null || !path.StartsWith("/items/", StringComparison.Ordinal)
            || !long.TryParse(path.AsSpan(7), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id))
            return false;
        var query = context.Request.Query;
        foreach (var (key, value) in query)
        {
            if (value.Count != 1) return false;
            switch (key, value[0])
            {
                case ("font", "large"): variant |= 1; break;
                case ("font", "small"): variant |= 2; break;
                case ("view", "print"): variant |= 4; break;
                default: return false;
            }
        }
        return true;
    }
}

/// <summary>Evicts cached item pages changed on any instance, following the change log like the search index does.</summary>
public sealed class ItemPageCacheFollower(ItemPageCache cache, IServiceScopeFactory scopes, ILogger<ItemPageCacheFollower> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cache.Enabled) return;
        long? checkpoint = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
                if (checkpoint is null)
                {
                    // Pages cached before the first read may predate changes we will not see: start empty.
                    checkpoint = await db.ChangeLog.MaxAsync(c => (long?)c.Id, stoppingToken) ?? 0;
                    cache.Clear();
                }
                var changes = await db.ChangeLog.AsNoTracking().Where(c => c.Id > checkpoint).OrderBy(c => c.Id).Take(1000)
                    .Select(c => new { c.Id, c.EntityId }).ToListAsync(stoppingToken);
                foreach (var id in await AffectedPagesAsync(db, changes.Select(c => c.EntityId).Distinct().ToList(), stoppingToken))
                    cache.Evict(id);
                if (changes.Count > 0) checkpoint = changes[^1].Id;
                cache.FollowedChange = checkpoint.Value;
                if (changes.Count == 1000) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down for a moment: cached pages still expire on their own.
                log.LogWarning(e, "Item page cache could not read the change log; retrying");
                cache.Clear();
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// The changed items and the pages that show them: a policy lists its interpretations, and
    /// related items list each other, so publishing an interpretation changes the policy's page.
    /// </summary>
    private static async Task<HashSet<long>> AffectedPagesAsync(GongkaiDbContext db, List<long> changed, CancellationToken ct)
    {
        var pages = changed.ToHashSet();
        if (changed.Count == 0) return pages;
        pages.UnionWith(await db.Items.AsNoTracking().Where(i => changed.Contains(i.Id) && i.InterpretsItemId != null)
            .Select(i => i.InterpretsItemId!.Value).ToListAsync(ct));
        pages.UnionWith(await db.ItemRelations.AsNoTracking().Where(r => changed.Contains(r.ItemId)).Select(r => r.RelatedItemId).ToListAsync(ct));
        pages.UnionWith(await db.ItemRelations.AsNoTracking().Where(r => changed.Contains(r.RelatedItemId)).Select(r => r.ItemId).ToListAsync(ct));
        return pages;
    }
}

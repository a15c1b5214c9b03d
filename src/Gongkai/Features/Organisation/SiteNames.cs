using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Guide;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Organisation;

/// <summary>
/// The names the layout shows on every page: the district government (its org unit) and its
/// 政府信息公开工作机构 (the government office, as in the guide: 《条例》第四条).
/// </summary>
public sealed record SiteName(string Government, string? Office)
{
    /// <summary>Before any org unit exists (a fresh install without the demo district).</summary>
    public static readonly SiteName Fallback = new("区人民政府", null);

    /// <summary>Who runs the portal: the government's office when there is one, else the government itself.</summary>
    public string Host => Office is null ? Government : Government + "办公室";

    public string DisclosureOffice => Office is null ? Government : Office + "（政务公开办）";
}

/// <summary>
/// <see cref="SiteName"/> read from the org units and kept in memory: the layout of every page
/// (the item page included, which must stay fast) reads it. A rename on this instance clears it at
/// once (<see cref="Invalidate"/>); other instances pick it up when it expires.
/// </summary>
public sealed class SiteNames(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SiteNames> log, Catalogue.ItemPageCache pages)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    /// <summary>After a failed read: the error page (database unreachable) uses the layout too, so retry later, not on every page.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private sealed record Entry(SiteName Name, long ReadAt, TimeSpan Lifetime);

    private volatile Entry? _entry;

    public async ValueTask<SiteName> GetAsync(CancellationToken ct = default)
    {
        var entry = _entry;
        if (entry is not null && clock.GetElapsedTime(entry.ReadAt) < entry.Lifetime) return entry.Name;
        try
        {
            var name = await ReadAsync(ct);
            _entry = new Entry(name, clock.GetTimestamp(), Lifetime);
            return name;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not read the government's name for the page layout; showing the last known one");
            var known = entry?.Name ?? SiteName.Fallback;
            _entry = new Entry(known, clock.GetTimestamp(), RetryAfterFailure);
            return known;
        }
    }

    /// <summary>Call after an org unit is renamed, added, deactivated or reactivated.</summary>
    public void Invalidate()
    {
        _entry = null;
        pages.Clear(); // cached item pages carry the names in their layout
    }

    private async Task<SiteName> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var units = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && (d.Kind == OrgUnitKind.Government || GuideContent.OfficeCodes.Contains(d.Code)))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Code, d.Name, d.Kind }).ToListAsync(ct);
        var government = units.FirstOrDefault(u => u.Kind == OrgUnitKind.Government);
        if (government is null) return SiteName.Fallback;
        // The office as the guide names it: the first of OfficeCodes that exists; the government itself means no separate office.
        var office = GuideContent.OfficeCodes.Select(c => units.FirstOrDefault(u => u.Code == c)).FirstOrDefault(u => u is not null);
        return new SiteName(government.Name, office is null || office.Kind == OrgUnitKind.Government ? null : office.Name);
    }
}

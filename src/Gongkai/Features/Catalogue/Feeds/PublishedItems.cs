using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>One published item as the feeds, the sitemap and the exports see it (names come from <see cref="CatalogueLookups"/>).</summary>
internal sealed record PublishedEntry(
    long Id, string? IndexNumber, string Title, string Summary, DateOnly WrittenOn, DateOnly PublishedOn, DateTime? PublishedAt,
    DateTime UpdatedAt, int DepartmentId, int CategoryId, int? ThemeId, string? DocumentNumber, DisclosureMode Mode,
    Validity Validity, DateOnly? ValidityChangedOn);

/// <summary>Which published items: one department, a set of columns (a column and its sub-columns), a year of 发布日期.</summary>
internal sealed record ItemFilter(int? DepartmentId = null, IReadOnlyCollection<int>? CategoryIds = null, int? Year = null);

/// <summary>Reads published items without ever holding more than one batch in memory.</summary>
internal static class PublishedItems
{
    private static readonly Expression<Func<DisclosureItem, PublishedEntry>> Projection = i => new PublishedEntry(
        i.Id, i.IndexNumber, i.Title, i.Summary, i.WrittenOn, i.PublishedOn ?? i.WrittenOn, i.PublishedAt, i.UpdatedAt,
        i.DepartmentId, i.CategoryId, i.ThemeId, i.DocumentNumber, i.Mode, i.Validity, i.ValidityChangedOn);

    /// <param name="walkPrimaryKey">
    /// For keyset batches in id order. Without ANALYZE statistics SQLite answers "State = 4" through
    /// the (State, PublishedOn) index, or "CategoryId IN (…)" through the CategoryId index, and then
    /// sorts every remaining match by id for each batch: quadratic over a million items (300,000
    /// items took 18 s to export this way). Writing those terms as "column + 0" keeps them out of
    /// any index (SQLite's documented idiom is a unary "+"), so the scan follows the primary key.
    /// A department keeps its (DepartmentId, State) index, whose entries are already in id order;
    /// PostgreSQL plans either form by its statistics.
    /// </param>
    public static IQueryable<DisclosureItem> Matching(GongkaiDbContext db, ItemFilter filter, bool walkPrimaryKey = false)
    {
        var published = (int)ItemState.Published;
        var query = db.Items.AsNoTracking();
        if (filter.DepartmentId is { } department)
            query = query.Where(i => i.DepartmentId == department && i.State == ItemState.Published);
        else if (walkPrimaryKey)
            query = query.Where(i => (int)i.State + 0 == published);
        else
            query = query.Where(i => i.State == ItemState.Published);
        if (filter.CategoryIds is { } categories)
        {
            var ids = categories.ToArray();
            if (ids.Length == 1) query = query.Where(i => i.CategoryId == ids[0]);
            else if (walkPrimaryKey) query = query.Where(i => ids.Contains(i.CategoryId + 0));
            else query = query.Where(i => ids.Contains(i.CategoryId));
        }
        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(i => i.PublishedOn >= from && i.PublishedOn <= to);
        }
        return query;
    }

    /// <summary>The newest first: by 发布日期, then by the instant of publication, then by id.</summary>
    public static Task<List<PublishedEntry>> LatestAsync(GongkaiDbContext db, ItemFilter filter, int take, CancellationToken ct) =>
        Matching(db, filter)
            .OrderByDescending(i => i.PublishedOn)
            // COALESCE keeps PostgreSQL (NULLS FIRST when descending) and SQLite (NULLS LAST) in the same order.
            .ThenByDescending(i => i.PublishedAt ?? DateTime.MinValue)
            .ThenByDescending(i => i.Id)
            .Take(take).Select(Projection).ToListAsync(ct);

    /// <summary>
    /// Every matching item in id order, <paramref name="batchSize"/> rows per query (keyset paging on
    /// the primary key, so the millionth row costs what the first does), at most <paramref name="limit"/> rows.
    /// </summary>
    public static async IAsyncEnumerable<List<PublishedEntry>> BatchesAsync(
        GongkaiDbContext db, ItemFilter filter, int batchSize, [EnumeratorCancellation] CancellationToken ct,
        long afterId = 0, long limit = long.MaxValue)
    {
        var last = afterId;
        var left = limit;
        while (left > 0)
        {
            var take = (int)Math.Min(batchSize, left);
            var batch = await Matching(db, filter, walkPrimaryKey: true).Where(i => i.Id > last).OrderBy(i => i.Id).Take(take).Select(Projection).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            yield return batch;
            if (batch.Count < take) yield break;
            last = batch[^1].Id;
            left -= batch.Count;
        }
    }
}

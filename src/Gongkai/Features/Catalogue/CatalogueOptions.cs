namespace Gongkai.Features.Catalogue;

/// <summary>Settings under "Gongkai:Catalogue".</summary>
public sealed class CatalogueOptions
{
    /// <summary>索引号 template; placeholders {统一社会信用代码}, {部门代码}, {YYYY}, {NNNNN} (see IndexNumberTemplate).</summary>
    public string IndexNumberTemplate { get; set; } = Domain.Disclosure.IndexNumberTemplate.Default;

    /// <summary>第二十六条: publish within 20 working days of creation; items over are flagged.</summary>
    public int TimelinessWorkingDays { get; set; } = 20;

    /// <summary>Largest attachment accepted, in bytes.</summary>
    public long MaxAttachmentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// How long a rendered public item page is served from memory to visitors who are not signed
    /// in (0 turns the cache off). Changes evict a page within about a second on every instance
    /// (the cache follows the change log); the time bounds how stale the titles of related items
    /// and department names on a cached page can get.
    /// </summary>
    public int ItemPageCacheSeconds { get; set; } = 60;

    /// <summary>
    /// The public catalogue list (/items) counts matches up to this many and then says "以上":
    /// an exact count reads every matching item (over 0.5 s for 1,000,000 in PostgreSQL while
    /// the table is freshly loaded, 76 ms at best), on every page view. Paging reaches that far;
    /// beyond it visitors filter or search, and the exports hold everything.
    /// </summary>
    public int ListCountCap { get; set; } = 10_000;
}

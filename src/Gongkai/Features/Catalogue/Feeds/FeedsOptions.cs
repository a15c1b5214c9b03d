namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>Settings under "Gongkai:Catalogue:Feeds".</summary>
public sealed class FeedsOptions
{
    public const string Section = "Gongkai:Catalogue:Feeds";

    /// <summary>Entries in each Atom feed (newest first).</summary>
    public int FeedEntries { get; set; } = 50;

    /// <summary>
    /// URLs in one sitemap file. The sitemap protocol allows at most 50,000; past that /sitemap.xml
    /// becomes a sitemap index pointing at /sitemaps/pages.xml and /sitemaps/items-{n}.xml.
    /// </summary>
    public int SitemapMaxUrls { get; set; } = 50_000;

    /// <summary>Rows read from the database per round trip while streaming the catalogue or the sitemap.</summary>
    public int BatchSize { get; set; } = 1_000;
}

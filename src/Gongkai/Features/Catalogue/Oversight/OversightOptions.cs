namespace Gongkai.Features.Catalogue.Oversight;

/// <summary>Settings under "Gongkai:Catalogue:Oversight".</summary>
public sealed class OversightOptions
{
    public const string Section = "Gongkai:Catalogue:Oversight";

    /// <summary>
    /// Whether this instance publishes scheduled items. Every instance may (a second one that finds
    /// the item already published does nothing); turn it off on an instance that must not write.
    /// </summary>
    public bool PublishScheduledItems { get; set; } = true;

    /// <summary>How often scheduled items are looked for: an item goes public at most this long after its time.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest import file accepted, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Most data rows in one import file (each row is its own transaction).</summary>
    public int MaxImportRows { get; set; } = 2000;
}

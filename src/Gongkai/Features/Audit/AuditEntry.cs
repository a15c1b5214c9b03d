namespace Gongkai.Features.Audit;

/// <summary>
/// One staff write. Append-only: the DbContext refuses to change or delete an entry, database
/// triggers refuse it too, and each entry's <see cref="Hash"/> covers the previous entry's hash,
/// so removing or editing any entry breaks the chain from that point on.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>1, 2, 3, … without gaps.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? ActorIp { get; set; }
    /// <summary>Created / Updated / Deleted, or a named action such as SignIn.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>JSON object of the changed properties before the write (null for a creation).</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the changed properties after the write (null for a deletion).</summary>
    public string? After { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

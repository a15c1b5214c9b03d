using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Features.Audit;

/// <summary>The hash that chains audit entries: SHA-256 over the entry's fields and the previous hash.</summary>
public static class AuditHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Both databases keep the instant to the millisecond at least, so the hash covers it at that
    /// precision; a round trip through either database then yields the same hash.
    /// </summary>
    public static DateTime Truncate(DateTime instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string Compute(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
            e.ActorId, e.ActorName, e.ActorIp ?? "",
            e.Action, e.EntityType, e.EntityId,
            e.Before ?? "", e.After ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

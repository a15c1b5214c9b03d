using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Features.Notifications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongkai.Features.Audit;

/// <summary>
/// Captures the before and after values of tracked changes so that the DbContext can write them
/// as <see cref="AuditEntry"/> rows in the same transaction.
/// </summary>
internal sealed class AuditCapture
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    // Secrets never reach the audit log, only the fact that they changed.
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value",
        // An applicant's ID number and contact (stored encrypted; not even the ciphertext is copied)
        // and the hash of the tracking page's access key.
        "IdNumber", "Contact", "AccessKeyHash",
        // The hash of an Open311 client's key.
        "KeyHash",
    };

    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(DataProtectionKey), typeof(Notification), typeof(Catalogue.ChangeLogEntry), typeof(Catalogue.ItemVersion), typeof(Catalogue.IndexNumberSequence)];

    private readonly EntityEntry _entry;
    private readonly EntityState _state;
    private readonly Dictionary<string, object?>? _before;

    private AuditCapture(EntityEntry entry)
    {
        _entry = entry;
        _state = entry.State;
        if (_state is EntityState.Modified or EntityState.Deleted)
        {
            _before = [];
            foreach (var p in entry.Properties)
            {
                if (_state == EntityState.Deleted || p.IsModified)
                    _before[p.Metadata.Name] = Value(p.Metadata.Name, p.OriginalValue);
            }
        }
    }

    public static List<AuditCapture> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        return tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !NotAudited.Contains(e.Metadata.ClrType))
            .Where(e => e.State != EntityState.Modified || e.Properties.Any(p => p.IsModified))
            .Select(e => new AuditCapture(e))
            .ToList();
    }

    /// <summary>Builds the entry after the changes were saved, when generated keys are known.</summary>
    public AuditEntry ToEntry(AuditActor actor, DateTime now)
    {
        Dictionary<string, object?>? after = null;
        if (_state is EntityState.Added or EntityState.Modified)
        {
            after = [];
            foreach (var p in _entry.Properties)
            {
                if (_state == EntityState.Added || _before!.ContainsKey(p.Metadata.Name))
                    after[p.Metadata.Name] = Value(p.Metadata.Name, p.CurrentValue);
            }
        }
        var key = _entry.Metadata.FindPrimaryKey();
        var id = key is null ? "" : string.Join(",", key.Properties.Select(p => Convert.ToString(_entry.Property(p.Name).CurrentValue ?? _entry.Property(p.Name).OriginalValue, System.Globalization.CultureInfo.InvariantCulture)));
        return new AuditEntry
        {
            OccurredAt = now,
            ActorId = actor.Id,
            ActorName = actor.Name,
            ActorIp = actor.Ip,
            Action = _state switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" },
            EntityType = _entry.Metadata.ClrType.Name,
            EntityId = id,
            Before = _before is null ? null : JsonSerializer.Serialize(_before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
    }

    public static string Serialize(object? data) => JsonSerializer.Serialize(data, Json);

    // Long texts may carry personal data (an attachment's text, a body before the check): the
    // append-only log keeps their length and hash, which prove what changed without copying it.
    private static readonly HashSet<string> Digested = new(StringComparer.Ordinal) { "Body", "ExtractedText", "Snapshot", "Description", "ReplyText" };

    private static object? Value(string name, object? value) =>
        value is string text && Digested.Contains(name)
            ? $"[{text.Length} 字，SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))}]"
            : RawValue(name, value);

    private static object? RawValue(string name, object? value) => Redacted.Contains(name) && value is not null ? "***" : value switch
    {
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };
}

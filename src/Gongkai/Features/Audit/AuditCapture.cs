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
        // A case's citizen: supervisors read the audit log but never see who wrote in (CaseActor.SeesCitizen).
        "CitizenName",
    };

    // Conduct complaints (效能投诉) and unannounced inspections (明察暗访) are the supervision staff's
    // only (CaseActor, Policies.Inspection), and the audit log is read by the office and supervisors:
    // a complaint's rows (the case and its events, assignments, attachments, links) and an
    // inspection's keep which fields changed and the case's kind and state, never their values.
    private static readonly HashSet<string> KeptOfComplaints = new(StringComparer.Ordinal) { "Id", "CaseId", "Kind", "Status", "Sequence" };

    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(DataProtectionKey), typeof(Notification), typeof(Catalogue.ChangeLogEntry), typeof(Catalogue.ItemVersion), typeof(Catalogue.IndexNumberSequence)];

    private readonly EntityEntry _entry;
    private readonly EntityState _state;
    private readonly Dictionary<string, object?>? _before;
    private readonly bool _complaint;

    private AuditCapture(EntityEntry entry, bool complaint)
    {
        _entry = entry;
        _state = entry.State;
        _complaint = complaint;
        if (_state is EntityState.Modified or EntityState.Deleted)
        {
            _before = [];
            foreach (var p in entry.Properties)
            {
                if (_state == EntityState.Deleted || p.IsModified)
                    _before[p.Metadata.Name] = Value(p.Metadata.Name, p.OriginalValue, complaint);
            }
        }
    }

    public static List<AuditCapture> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        // Keys of the complaints in this unit of work (temporary keys of new ones match their rows' CaseId too).
        var complaints = tracker.Entries<Domain.Cases.VoiceCase>()
            .Where(e => e.Entity.Kind == Domain.Cases.CaseKind.Complaint)
            .Select(e => e.Property(nameof(Domain.Cases.VoiceCase.Id)).CurrentValue).OfType<long>().ToHashSet();
        return tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !NotAudited.Contains(e.Metadata.ClrType))
            .Where(e => e.State != EntityState.Modified || e.Properties.Any(p => p.IsModified))
            .Select(e => new AuditCapture(e, IsConfidentialRow(e, complaints)))
            .ToList();
    }

    private static bool IsConfidentialRow(EntityEntry e, HashSet<long> complaints) =>
        e.Entity is Domain.Cases.VoiceCase c ? c.Kind == Domain.Cases.CaseKind.Complaint
        : e.Entity is PublicVoice.Inspection
          || (complaints.Count > 0 && e.Metadata.FindProperty("CaseId") is not null
            && (e.Metadata.ClrType.Namespace?.StartsWith("Gongkai.Domain.Cases", StringComparison.Ordinal) == true || e.Metadata.ClrType.Namespace == "Gongkai.Features.PublicVoice")
            && e.Property("CaseId").CurrentValue is long id && complaints.Contains(id));

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
                    after[p.Metadata.Name] = Value(p.Metadata.Name, p.CurrentValue, _complaint);
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

    private static object? Value(string name, object? value, bool complaint) =>
        complaint && value is not null && !KeptOfComplaints.Contains(name) ? "***"
        : value is string text && Digested.Contains(name)
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

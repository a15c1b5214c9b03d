using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Open311;

/// <summary>Filters of GET /open311/v2/requests, already checked.</summary>
public sealed record RequestFilter(IReadOnlyList<string>? Ids, string? ServiceCode, DateTime? FromUtc, DateTime? ToUtc, IReadOnlyList<CaseStatus>? Statuses);

/// <summary>
/// What GeoReport v2 shows of opinions. Which ones: opinions filed through Open311 (public by the
/// standard's design: GET requests lists them) and opinions whose Q&amp;A the office published; never a
/// complaint or a suggestion, never the citizen's name or contact. For a published one the public
/// wording (personal data removed by staff: 第十五条, personal privacy is not disclosed) is
/// shown, never the text as filed.
/// </summary>
public sealed class GeoReportQueries(GongkaiDbContext db)
{
    /// <summary>At most this many requests in one answer.</summary>
    public const int MaxRequests = 1000;

    /// <summary>Without dates, the last this many days.</summary>
    public const int DefaultDays = 90;

    /// <summary>Ahead of a media_url Open311 gave, in the case's content, where staff see it (the case has no column for it).</summary>
    public const string MediaMarker = "\n\n图片链接：";

    public sealed record Service(string Code, string Name, string Description, string Group, string Keywords);

    public async Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken ct) =>
        await db.CaseTopics.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new Service(t.Code, t.Name, t.Description, t.Group, t.Keywords)).ToListAsync(ct);

    public async Task<Service?> ServiceAsync(string code, CancellationToken ct) =>
        (await ServicesAsync(ct)).FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A topic's code as stored, retired ones included (their requests stay listed), or null.</summary>
    public async Task<string?> AnyTopicCodeAsync(string code, CancellationToken ct)
    {
        var key = code.Trim().ToLowerInvariant();
        return await db.CaseTopics.Where(t => t.Code.ToLower() == key).Select(t => t.Code).FirstOrDefaultAsync(ct);
    }

    private sealed record Row(string TrackingCode, CaseStatus Status, CaseChannel Channel, string? Topic, string Content,
        string? PublicQuestion, string? PublicAnswer, bool Published, string? Department, DateTime CreatedAt, DateTime UpdatedAt,
        DateOnly DueOn, int DueWorkingDays, string? Address, double? Lat, double? Lon);

    public async Task<IReadOnlyList<Open311Record>> RequestsAsync(RequestFilter filter, CancellationToken ct)
    {
        var q = db.Cases.AsNoTracking().Where(c => c.Kind == CaseKind.Opinion && (c.Channel == CaseChannel.Open311 || c.PublishedAt != null));
        if (filter.Ids is { } ids)
            q = q.Where(c => ids.Contains(c.TrackingCode)); // the standard: ids override every other filter
        else
        {
            if (filter.ServiceCode is { } code) q = q.Where(c => c.Topic == code);
            if (filter.FromUtc is { } from) q = q.Where(c => c.CreatedAt >= from);
            if (filter.ToUtc is { } to) q = q.Where(c => c.CreatedAt <= to);
            if (filter.Statuses is { } statuses) q = q.Where(c => statuses.Contains(c.Status));
        }
        var rows = await q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(MaxRequests)
            .Select(c => new Row(c.TrackingCode, c.Status, c.Channel, c.Topic, c.Content, c.PublicQuestion, c.PublicAnswer, c.PublishedAt != null,
                db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                c.CreatedAt, c.UpdatedAt, c.DueOn, c.DueWorkingDays, c.Address, c.Latitude, c.Longitude))
            .ToListAsync(ct);
        var topics = await db.CaseTopics.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return rows.Select(r => ToRecord(r, topics)).ToList();
    }

    public async Task<Open311Record?> RequestAsync(string id, CancellationToken ct) =>
        await RequestsAsync(new RequestFilter([id.Trim().ToUpperInvariant()], null, null, null, null), ct) is [var one, ..] ? one : null;

    /// <summary>The token's request, for GET /tokens/{token}: only opinions filed through Open311 have tokens.</summary>
    public async Task<string?> RequestIdOfTokenAsync(string token, CancellationToken ct) =>
        await (from r in db.Open311Requests
               join c in db.Cases on r.CaseId equals c.Id
               where r.Token == token
               select c.TrackingCode).FirstOrDefaultAsync(ct);

    public static string ServiceNotice(DateOnly dueOn, int workingDays) =>
        $"将在 {workingDays} 个工作日内答复，答复期限为 {dueOn:yyyy年M月d日}。";

    private static Open311Record ToRecord(Row r, Dictionary<string, string> topics)
    {
        var viaOpen311 = r.Channel == CaseChannel.Open311;
        var (filed, media) = SplitMedia(r.Content);
        return new Open311Record
        {
            { "service_request_id", r.TrackingCode },
            { "status", r.Status.Open311Status() },
            // The answer only when published: an unpublished answer is for the citizen, not the world.
            { "status_notes", r.Published && !string.IsNullOrWhiteSpace(r.PublicAnswer) ? r.PublicAnswer : r.Status.ToChinese() },
            { "service_name", r.Topic is { } t && topics.TryGetValue(t, out var name) ? name : null },
            { "service_code", r.Topic },
            { "description", r.Published ? r.PublicQuestion : MaskPersonalData(filed) },
            { "agency_responsible", r.Department },
            { "service_notice", ServiceNotice(r.DueOn, r.DueWorkingDays) },
            { "requested_datetime", W3c(r.CreatedAt) },
            { "updated_datetime", W3c(r.UpdatedAt) },
            { "expected_datetime", $"{r.DueOn:yyyy-MM-dd}T23:59:59+08:00" },
            // Where a case filed on the portal happened is not part of its published wording: only
            // the place an Open311 client sent (public from the start) is shown.
            { "address", viaOpen311 ? r.Address : null },
            { "address_id", null },
            { "zipcode", null },
            { "lat", viaOpen311 ? r.Lat : null },
            { "long", viaOpen311 ? r.Lon : null },
            { "media_url", viaOpen311 ? media : null },
        };
    }

    /// <summary>
    /// Numbers a citizen typed into the description (ID, mobile, bank card) are masked before the
    /// world sees it: 第十五条, personal privacy is not disclosed, and nobody edited this wording.
    /// </summary>
    internal static string MaskPersonalData(string text)
    {
        var hits = PersonalDataScanner.Scan(text, "description");
        if (hits.Count == 0) return text;
        var masked = new System.Text.StringBuilder(text);
        foreach (var hit in hits.OrderByDescending(h => h.Offset))
            masked.Remove(hit.Offset, hit.Length).Insert(hit.Offset, hit.Masked);
        return masked.ToString();
    }

    /// <summary>The description as filed and the media URL the client gave, if any.</summary>
    internal static (string Description, string? MediaUrl) SplitMedia(string content)
    {
        var at = content.LastIndexOf(MediaMarker, StringComparison.Ordinal);
        return at < 0 ? (content, null) : (content[..at], content[(at + MediaMarker.Length)..].Trim());
    }

    /// <summary>A w3c datetime in China time (+08:00), as the standard asks (a time zone always given).</summary>
    public static string W3c(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Gongkai.Hosting;

namespace Gongkai.Features.Applications;

// Request bodies of the applications API. Dates are strings (YYYY-MM-DD) so that a wrong date gets
// a Chinese message naming the field rather than the framework's generic JSON error.

/// <summary>The online form (第二十九条): who applies, for what, in which form.</summary>
public sealed record PublicApplicationRequest(
    string? ApplicantType, string? Name, string? IdNumber, string? Contact, string? Description,
    string? Department, string? DeliveryForm, string? DocumentNumber = null);

/// <summary>An application staff register from another channel, with its 第三十一条 receipt date.</summary>
public sealed record StaffApplicationRequest(
    string? Channel, string? ReceivedOn, string? Department, string? ApplicantType, string? Name, string? Description,
    string? IdNumber = null, string? Contact = null, string? DocumentNumber = null, string? DeliveryForm = null);

public sealed record OnRequest(string? On);
public sealed record ReasonOnRequest(string? On, string? Reason);
public sealed record TransferRequest(string? On, string? Department, string? Reason);
public sealed record CorrectionRequest(string? On, string? Deadline);
public sealed record ConsultationRequest(string? From, string? Party = null);
public sealed record ExtendRequest(string? On, int? WorkingDays, string? Reason);

/// <summary>A fee notice: the amount in 元, or the pages (按量) or 件 (按件) to compute it from.</summary>
public sealed record FeeNoticeRequest(string? On, int? Amount = null, int? Pages = null, int? Items = null);
/// <summary>
/// The reply; <c>otherBody</c>/<c>otherBodyContact</c> name the body that holds the information
/// (无法提供, 第三十六条第（五）项) and <c>obtain</c> says how to get it, for the reply letter.
/// </summary>
public sealed record ReplyRequest(string? On, string? Outcome, string? Text, string? OtherBody = null, string? OtherBodyContact = null, string? Obtain = null);

/// <summary>A review or lawsuit case; <c>route</c> only for lawsuits (direct / after-review).</summary>
public sealed record RemedyRequest(
    long? ApplicationId, string? TrackingCode, string? FiledOn, string? Result = null, string? DecidedOn = null,
    string? Authority = null, string? CaseNumber = null, string? Route = null, long? ReviewId = null);

public sealed record DecisionRequest(string? Result, string? DecidedOn);

/// <summary>Collects field errors and throws them together as one 400 listing each field.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    public void Add(string field, string message) => _errors.TryAdd(field, [message]);

    public bool Has(string field) => _errors.ContainsKey(field);

    public DateOnly Date(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"请填写{label}");
            return default;
        }
        return OptionalDate(field, value, label) ?? default;
    }

    public DateOnly? OptionalDate(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1990 and <= 2100)
            return date;
        Add(field, $"{label}“{value}”无效，格式应为 YYYY-MM-DD");
        return null;
    }

    public string? Text(string field, string? value, int max, string label, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required) Add(field, $"请填写{label}");
        else if (text?.Length > max) Add(field, $"{label}不超过{max}个字");
        return text;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new InputException(_errors);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Domain.Common;
using Gongkai.Hosting;

namespace Gongkai.Features.PublicVoice.Open311;

/// <summary>The answer to POST /requests: the request, or why it was refused (status and GeoReport error descriptions).</summary>
public sealed record Open311Filed(string? RequestId, string? Token, string? ServiceNotice, string? AccountId, int Status, IReadOnlyList<string> Errors);

/// <summary>
/// POST /open311/v2/requests: a registered civic app files an opinion (民生民意) for a citizen. The
/// standard's fields map onto the portal's: description → content (and the title, its first words),
/// service_code → topic, first/last name → name, phone or email → contact (encrypted like the
/// portal's), lat/long and address_string → the place. The client and the token are kept in an
/// <see cref="Open311Request"/>.
/// </summary>
public sealed class Open311Filing(GongkaiDbContext db, CaseWorkflow workflow, Open311Keys keys, GeoReportQueries queries, TimeProvider clock)
{
    private const int TitleLength = 30;
    private const string TokenAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    // The engine's field names in the standard's words, so that a refusal names what the client sent.
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["title"] = "description", ["content"] = "description", ["name"] = "first_name/last_name", ["contact"] = "email/phone",
        ["topic"] = "service_code", ["address"] = "address_string", ["lat"] = "lat/long",
    };

    public async Task<Open311Filed> FileAsync(IFormCollection form, CancellationToken ct)
    {
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var apiKey = Field("api_key");
        if (apiKey is null) return Refused(400, "api_key：缺少接入密钥，请向区政府信息公开工作机构申请。");
        var client = await keys.FindActiveAsync(apiKey, ct);
        if (client is null) return Refused(403, "api_key：接入密钥无效或已被吊销。");

        var errors = new List<string>();
        var serviceCode = Field("service_code");
        GeoReportQueries.Service? service = null;
        if (serviceCode is null) errors.Add("service_code：请填写服务代码（见 services.json）。");
        else service = await queries.ServiceAsync(serviceCode, ct);
        if (serviceCode is not null && service is null) errors.Add($"service_code：没有代码为“{serviceCode}”的服务。");

        var description = Field("description");
        if (description is null) errors.Add("description：请填写意见建议的内容。");

        var lat = Number(Field("lat"), "lat", errors);
        var lon = Number(Field("long"), "long", errors);
        if (lat is null != lon is null && !errors.Any(e => e.StartsWith("lat", StringComparison.Ordinal) || e.StartsWith("long", StringComparison.Ordinal)))
            errors.Add("lat/long：经纬度须同时填写。");
        var address = Field("address_string");
        var addressId = Field("address_id");
        if (address is null && addressId is not null) address = $"地址编号：{addressId}";
        if (lat is null && lon is null && address is null && !errors.Any(e => e.StartsWith("lat", StringComparison.Ordinal) || e.StartsWith("long", StringComparison.Ordinal)))
            errors.Add("lat/long：请提供位置：lat 和 long，或 address_string、address_id。");

        var media = Field("media_url");
        if (media is not null && (media.Length > 500 || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors.Add("media_url：应为不超过500个字符的 http 或 https 地址。");
        var deviceId = Limit(Field("device_id"), "device_id", 100, errors);
        var accountId = Limit(Field("account_id"), "account_id", 100, errors);
        if (errors.Count > 0) return new Open311Filed(null, null, null, null, 400, errors);

        var content = media is null ? description! : description + GeoReportQueries.MediaMarker + media;
        var input = new PublicCaseRequest(Title(description!, service!.Name), content, Name(Field("first_name"), Field("last_name")),
            // A phone first: the office calls back; an e-mail when that is all the app collected.
            Field("phone") ?? Field("email"), service.Code,
            // Open311 requests are public by the standard's design (GET requests lists them), so the
            // client's users consent to publication by filing through it; staff still edit the wording.
            PublishConsent: true, Address: address, Lat: lat, Lng: lon);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        VoiceCase filed;
        try
        {
            (filed, _) = await workflow.SubmitAsync(CaseKind.Opinion, input, CaseChannel.Open311, ct);
        }
        catch (InputException e)
        {
            return new Open311Filed(null, null, null, null, 400,
                e.Errors.SelectMany(x => x.Value.Select(m => $"{Fields.GetValueOrDefault(x.Key, x.Key)}：{m}")).ToList());
        }
        catch (DomainException e)
        {
            return Refused(400, e.Message);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new string(RandomNumberGenerator.GetItems<char>(TokenAlphabet, 24));
        db.Open311Requests.Add(new Open311Request { CaseId = filed.Id, ClientId = client.Id, Token = token, DeviceId = deviceId, AccountId = accountId, CreatedAt = now });
        client.LastUsedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Open311Filed(filed.TrackingCode, token, GeoReportQueries.ServiceNotice(filed.DueOn, filed.DueWorkingDays), accountId, 201, []);
    }

    private static Open311Filed Refused(int status, string description) => new(null, null, null, null, status, [description]);

    /// <summary>The description's first words (its first line, at most 30 characters), or the service's name.</summary>
    internal static string Title(string description, string serviceName)
    {
        var line = description.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        if (line.Length == 0) return serviceName;
        return line.Length <= TitleLength ? line : line[..(TitleLength - 1)] + "…";
    }

    /// <summary>A Chinese name is surname first with no space (张 + 三); others "first last".</summary>
    internal static string? Name(string? first, string? last)
    {
        if (first is null || last is null) return first ?? last;
        return (first + last).Any(c => c >= 0x2E80) ? last + first : $"{first} {last}";
    }

    private static double? Number(string? text, string field, List<string> errors)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            && (field == "lat" ? v is >= -90 and <= 90 : v is >= -180 and <= 180))
            return v;
        errors.Add(field == "lat" ? "lat：纬度应为 -90 到 90 之间的数字。" : "long：经度应为 -180 到 180 之间的数字。");
        return null;
    }

    private static string? Limit(string? text, string field, int max, List<string> errors)
    {
        if (text?.Length > max) errors.Add($"{field}：不超过{max}个字符。");
        return text;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Applications;

/// <summary>Generous rate limits and no background lapse run: each test drives the clock rules itself.</summary>
public sealed class ApplicationsFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:Applications:SubmissionsPerHour", "1000"),
        new("Gongkai:Applications:LookupsPerMinute", "1000"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
    ];
}

/// <summary>Two submissions an hour per address, to see the third refused.</summary>
public sealed class StrictLimitFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:Applications:SubmissionsPerHour", "2"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
    ];
}

internal sealed record Registered(long Id, string TrackingCode, string AccessKey);

internal static class ApplicationsTestKit
{
    public const string IdNumber = "110101199003077777";
    public const string Mobile = "13912345678";

    /// <summary>Registers an application through the staff API (received by post on <paramref name="receivedOn"/>).</summary>
    public static async Task<Registered> RegisterAsync(HttpClient staff, string receivedOn = "2026-02-10", string department = "jyj",
        string name = "李四", string description = "2025年明湖区中小学校舍维修项目清单及资金安排", string? idNumber = IdNumber, string applicantType = "自然人")
    {
        var response = await staff.PostAsJsonAsync("/api/admin/applications", new
        {
            channel = "post", receivedOn, department, applicantType, name, description, idNumber, contact = Mobile, deliveryForm = "邮寄纸质件",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Registered(body.GetProperty("id").GetInt64(), body.GetProperty("trackingCode").GetString()!, body.GetProperty("accessKey").GetString()!);
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient staff, long id, string step, object body) =>
        staff.PostAsJsonAsync($"/api/admin/applications/{id}/{step}", body);

    /// <summary>A step that must succeed; returns the clock response.</summary>
    public static async Task<JsonElement> OkStepAsync(HttpClient staff, long id, string step, object body)
    {
        var response = await StepAsync(staff, id, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> DetailAsync(HttpClient staff, long id)
    {
        var response = await staff.GetAsync($"/api/admin/applications/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p.GetString() : null;

    public static async Task<HttpResponseMessage> TrackAsync(HttpClient client, string code, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{code}");
        if (key is not null) request.Headers.Add("X-Access-Key", key);
        return await client.SendAsync(request);
    }
}

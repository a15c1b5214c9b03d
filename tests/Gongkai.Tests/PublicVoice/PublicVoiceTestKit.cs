using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.PublicVoice;

/// <summary>Generous limits: each test files many cases from one address.</summary>
public sealed class PublicVoiceFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:PublicVoice:SubmissionsPerHour", "1000"),
        new("Gongkai:PublicVoice:LookupsPerMinute", "1000"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
    ];
}

internal sealed record Filed(string TrackingCode, string AccessKey, string DueOn, long Id);

internal static class PublicVoiceTestKit
{
    /// <summary>Files an opinion through the public API and finds its id through the office's list.</summary>
    public static async Task<Filed> FileOpinionAsync(HttpClient citizen, HttpClient office, string title = "小区门口路灯不亮",
        string content = "明湖街道幸福小区南门的三盏路灯已经坏了两周，晚上出行不便，请尽快修复。", bool consent = true, string? contact = "13812345678")
    {
        var response = await citizen.PostAsJsonAsync("/api/opinions", new { title, content, name = "张三", contact, topic = "city", publishConsent = consent });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("trackingCode").GetString()!;
        var list = await office.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={code}");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt64();
        return new Filed(code, body.GetProperty("accessKey").GetString()!, body.GetProperty("dueOn").GetString()!, id);
    }

    public static async Task<JsonElement> StepAsync(HttpClient staff, long id, string step, object? body = null)
    {
        var response = await staff.PostAsJsonAsync($"/api/admin/cases/{id}/{step}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{step}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

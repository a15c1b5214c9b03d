using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>Generous limits, no background lapse or reminder runs: each test drives what it checks.</summary>
public sealed class ApplicationPagesFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:Applications:SubmissionsPerHour", "1000"),
        new("Gongkai:Applications:LookupsPerMinute", "1000"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
        new("Gongkai:Applications:Reminders:Enabled", "false"),
    ];
}

/// <summary>Posting the 依申请公开 pages like a browser without JavaScript.</summary>
internal static partial class PagesKit
{
    public const string CitizenId = "110101198807086666";
    public const string CitizenPhone = "13698765432";

    /// <summary>A complete portal form; <paramref name="change"/> overrides or removes (null) fields.</summary>
    public static List<KeyValuePair<string, string>> ApplyForm(params (string Name, string? Value)[] change)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.ApplicantType"] = "natural-person",
            ["Input.Name"] = "王五",
            ["Input.IdNumber"] = CitizenId,
            ["Input.Phone"] = CitizenPhone,
            ["Input.Email"] = "",
            ["Input.Address"] = "",
            ["Input.Description"] = "明湖区第一中学2025年食堂承包合同",
            ["Input.DocumentNumber"] = "",
            ["Input.Department"] = "jyj",
            ["Input.Form"] = "电子文档",
            ["Input.Way"] = "当面领取",
            ["Input.Consent"] = "true",
        };
        foreach (var (name, value) in change) fields[name] = value;
        return [.. fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))];
    }

    /// <summary>Submits the portal form; on success follows the redirect to the receipt and reads it.</summary>
    public static async Task<(string Code, string Key, string Receipt)> ApplyAsync(this HttpClient citizen, params (string Name, string? Value)[] change)
    {
        var response = await citizen.PostFormAsync("/apply", ApplyForm(change));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.TextAsync()}");
        Assert.Equal("/apply/submitted", response.Headers.Location!.OriginalString);
        var receipt = await citizen.PageAsync("/apply/submitted");
        var code = Between(receipt, "id=\"tracking-code\">", "<");
        var key = Between(receipt, "id=\"access-key\">", "<");
        return (code, key, receipt);
    }

    /// <summary>The tracking page after posting code and key.</summary>
    public static async Task<HttpResponseMessage> TrackAsync(this HttpClient client, string code, string key) =>
        await client.PostFormAsync("/apply/track", [new("TrackingCode", code), new("AccessKey", key)]);

    /// <summary>A form post to one of the detail page's handlers, with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> StepAsync(this HttpClient staff, long id, string handler, params (string Name, string Value)[] fields) =>
        staff.PostFormAsync($"/admin/applications/{id}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
            $"/admin/applications/{id}");

    /// <summary>A step that must succeed: redirected back to the page, whose flash message is returned.</summary>
    public static async Task<string> OkStepAsync(this HttpClient staff, long id, string handler, params (string Name, string Value)[] fields)
    {
        var response = await staff.StepAsync(id, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {Summary(await response.TextAsync())}");
        Assert.Equal($"/admin/applications/{id}", response.Headers.Location!.OriginalString);
        var page = await staff.PageAsync($"/admin/applications/{id}");
        return Between(page, "<div class=\"notice\" role=\"status\">", "</div>");
    }

    /// <summary>The error summary of a re-rendered form (empty when there is none).</summary>
    public static string Summary(string html) =>
        html.Contains("id=\"error-summary\"", StringComparison.Ordinal) ? Between(html, "id=\"error-summary\"", "</div>") : "";

    /// <summary>The message under a field.</summary>
    public static string FieldError(string html, string fieldId) => Between(html, $"id=\"{fieldId}-error\">", "</p>");

    /// <summary>The value attribute of an input, as the page re-rendered it (each input is on a line of its own).</summary>
    public static string? ValueOf(string html, string id)
    {
        var at = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = html.LastIndexOf('\n', at) + 1;
        var end = html.IndexOf('\n', at);
        var line = html[start..(end < 0 ? html.Length : end)];
        var v = Regex.Match(line, "value=\"(.*?)\"[ >]");
        return v.Success ? v.Groups[1].Value : null;
    }

    public static string Between(string text, string start, string end)
    {
        var i = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{start}' not found");
        i += start.Length;
        var j = text.IndexOf(end, i, StringComparison.Ordinal);
        return text[i..j].Trim();
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

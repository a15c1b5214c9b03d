using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Tests.Infrastructure;

/// <summary>Form posts through the pages, the way a browser without JavaScript does them.</summary>
public static partial class Html
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static string AntiforgeryToken(string html)
    {
        var m = AntiforgeryField().Match(html);
        Assert.True(m.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>GETs the page, then POSTs the form fields with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null)
    {
        var page = await client.GetStringAsync(formPageUrl ?? url);
        var data = fields.Append(new("__RequestVerificationToken", AntiforgeryToken(page)));
        return await client.PostAsync(url, new FormUrlEncodedContent(data));
    }
}

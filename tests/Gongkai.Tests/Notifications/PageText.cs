using System.Net;

namespace Gongkai.Tests.Notifications;

/// <summary>Page HTML with character references decoded, so assertions read the text a person sees.</summary>
internal static class PageText
{
    public static async Task<string> GetPageAsync(this HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));

    public static async Task<string> ReadPageAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}

using System.Net;

namespace Gongkai.Tests.PublicVoice;

internal static class SupervisionTestKit
{
    /// <summary>A staff page refused to a signed-in user: the cookie scheme redirects to /account/denied.</summary>
    public static async Task AssertPageDeniedAsync(this HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)),
            $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
    }
}

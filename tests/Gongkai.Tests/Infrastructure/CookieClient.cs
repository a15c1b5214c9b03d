using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Tests.Infrastructure;

public static class CookieClient
{
    /// <summary>A browser-like client (cookies kept, no redirects followed) signed in through the sign-in page.</summary>
    public static async Task<HttpClient> SignedInAsync(this GongkaiFactory factory, string userName, string? password = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/account/login",
            [new("UserName", userName), new("Password", password ?? GongkaiFactory.PasswordOf(userName))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

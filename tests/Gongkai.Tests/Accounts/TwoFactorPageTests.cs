using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Tests.Accounts;

public sealed partial class TwoFactorPageTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [GeneratedRegex("手动输入密钥：<code>([a-z2-7 ]+)</code>")]
    private static partial Regex SharedKey();

    [Fact]
    public async Task A_reviewer_turns_on_totp_and_then_needs_a_code_to_sign_in()
    {
        using var client = await app.SignedInAsync("shenheren");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/security"));
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Contains("data:image/svg+xml;base64,", page); // the QR code

        var wrong = await client.PostFormAsync("/account/security?handler=Enable", [new("Code", "123456")], "/account/security");
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());

        var enabled = await client.PostFormAsync("/account/security?handler=Enable", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))], "/account/security");
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("请立即抄写并妥善保存以下恢复码", html);

        // a fresh browser: password alone is not enough any more
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.PostFormAsync("/account/login", [new("UserName", "shenheren"), new("Password", GongkaiFactory.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/login-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode); // not signed in yet

        var bad = await browser.PostFormAsync("/account/login-2fa", [new("Code", "000000")]);
        Assert.Contains("验证码不正确", await bad.Content.ReadAsStringAsync());
        var good = await browser.PostFormAsync("/account/login-2fa", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
    }
}

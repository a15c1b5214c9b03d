using System.Net;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Accounts;

public sealed class SignInPageTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Admin_signs_in_through_the_page_and_reaches_the_back_office()
    {
        using var client = await app.SignedInAsync("admin");
        var dashboard = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("工作台", html);
        Assert.Contains("公开办管理员", html);
    }

    [Fact]
    public async Task Wrong_password_shows_a_chinese_message_and_back_office_redirects_anonymous_users()
    {
        using var client = app.Anonymous();
        var response = await client.PostFormAsync("/account/login", [new("UserName", "admin"), new("Password", "wrong-password-1")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());

        var admin = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/account/login", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("UserName", "admin"), new("Password", GongkaiFactory.AdminPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("页面已过期", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Department_editor_is_denied_the_office_pages()
    {
        using var client = await app.SignedInAsync("xinxiyuan");
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Office_admin_creates_an_account_and_weak_passwords_are_refused_in_chinese()
    {
        using var client = await app.SignedInAsync("admin");
        var weak = await client.PostFormAsync("/admin/users/new",
            [new("Input.UserName", "newbie"), new("Input.DisplayName", "新同事"), new("Input.Role", "Editor"), new("Input.DepartmentId", DepartmentId("jyj")), new("Input.Password", "short1")]);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        var html = await weak.Content.ReadAsStringAsync();
        Assert.Contains("密码至少需要10个字符", html);

        var noLetters = await client.PostFormAsync("/admin/users/new",
            [new("Input.UserName", "newbie"), new("Input.DisplayName", "新同事"), new("Input.Role", "Editor"), new("Input.DepartmentId", DepartmentId("jyj")), new("Input.Password", "12345678901")]);
        Assert.Contains("密码必须包含字母", await noLetters.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync("/admin/users/new",
            [new("Input.UserName", "newbie"), new("Input.DisplayName", "新同事"), new("Input.Role", "Editor"), new("Input.DepartmentId", DepartmentId("jyj")), new("Input.Password", "Newbie2026pass")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var token = await app.TokenAsync("newbie", "Newbie2026pass");
        Assert.False(string.IsNullOrEmpty(token));
    }

    private string DepartmentId(string code) => app.Db(d => d.Departments.Single(x => x.Code == code).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

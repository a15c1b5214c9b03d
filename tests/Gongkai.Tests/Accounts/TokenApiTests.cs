using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Features.Accounts;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Accounts;

public sealed class TokenApiTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Token_is_issued_with_expiry_and_opens_the_staff_api()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "shenheren", password = GongkaiFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expires = body.GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expires, DateTime.UtcNow.AddHours(7), DateTime.UtcNow.AddHours(9));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/staff/me");
        Assert.Equal("shenheren", me.GetProperty("userName").GetString());
        Assert.Contains("Reviewer", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Missing_fields_and_malformed_json_are_chinese_problem_details()
    {
        using var client = app.Anonymous();
        var empty = await client.PostAsJsonAsync("/api/auth/token", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("提交的数据有误", problem.GetProperty("title").GetString());
        Assert.Equal("请填写用户名", problem.GetProperty("errors").GetProperty("userName")[0].GetString());
        Assert.Equal("请填写密码", problem.GetProperty("errors").GetProperty("password")[0].GetString());

        var broken = await client.PostAsync("/api/auth/token", new StringContent("{\"userName\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var p2 = await broken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("JSON", p2.GetProperty("detail").GetString());
        Assert.Equal("请求有误", p2.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await CreateUserAsync("locktest", "Correct2026pass", StaffRoles.Editor, "jyj");
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "locktest", password = "Wrong2026pass" });
            Assert.True(wrong.StatusCode is HttpStatusCode.Unauthorized or (HttpStatusCode)423, $"attempt {i}: {wrong.StatusCode}");
        }
        var right = await client.PostAsJsonAsync("/api/auth/token", new { userName = "locktest", password = "Correct2026pass" });
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("锁定", problem.GetProperty("detail").GetString());

        // locked for 15 minutes; an office administrator can lift it earlier
        var lockoutEnd = app.Db(db => db.Users.Single(u => u.UserName == "locktest").LockoutEnd);
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("locktest"))!, null);
        }
        var later = await client.PostAsJsonAsync("/api/auth/token", new { userName = "locktest", password = "Correct2026pass" });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Two_factor_accounts_need_a_valid_totp_code()
    {
        var user = await CreateUserAsync("totpuser", "Totp2026password", StaffRoles.Reviewer, "jyj");
        string key;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByNameAsync("totpuser"))!;
            await users.ResetAuthenticatorKeyAsync(u);
            key = (await users.GetAuthenticatorKeyAsync(u))!;
            await users.SetTwoFactorEnabledAsync(u, true);
        }
        using var client = app.Anonymous();
        var noCode = await client.PostAsJsonAsync("/api/auth/token", new { userName = "totpuser", password = "Totp2026password" });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.True((await noCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorRequired").GetBoolean());

        var wrongCode = await client.PostAsJsonAsync("/api/auth/token", new { userName = "totpuser", password = "Totp2026password", twoFactorCode = "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);

        var code = Totp.Code(key, app.Clock.GetUtcNow());
        var ok = await client.PostAsJsonAsync("/api/auth/token", new { userName = "totpuser", password = "Totp2026password", twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull(user);
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_token_at_once()
    {
        await CreateUserAsync("leaving", "Leaving2026pass", StaffRoles.Editor, "jyj");
        using var client = await app.ApiAs("leaving", "Leaving2026pass");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/me")).StatusCode);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var u = (await users.FindByNameAsync("leaving"))!;
            u.IsActive = false;
            await users.UpdateAsync(u);
            await users.UpdateSecurityStampAsync(u);
        }
        var after = await client.GetAsync("/api/staff/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Expired_and_forged_tokens_are_refused()
    {
        using var client = await app.ApiAs("xinxiyuan");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(9));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/me")).StatusCode);

        using var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var response = await forged.GetAsync("/api/staff/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("需要登录", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    private async Task<StaffUser> CreateUserAsync(string userName, string password, string role, string departmentCode)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Data.GongkaiDbContext>();
        var department = db.Departments.Single(d => d.Code == departmentCode);
        var user = new StaffUser { UserName = userName, DisplayName = userName, DepartmentId = department.Id };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }
}

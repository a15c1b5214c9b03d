using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Gongkai.Tests.Platform;

public sealed class NoDemoFactory : GongkaiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gongkai:Demo", "false");
    }

    protected override int TokenRequestsPerMinute => 3;
}

/// <summary>Gongkai__Demo=false: only the first administrator, no demo district.</summary>
public sealed class SettingsTests(NoDemoFactory app) : IClassFixture<NoDemoFactory>
{
    [Fact]
    public async Task Without_demo_data_there_are_no_departments_and_only_the_admin_account()
    {
        using var client = app.Anonymous();
        var rows = await client.GetFromJsonAsync<JsonElement[]>("/api/departments");
        Assert.Empty(rows!);
        Assert.Equal(["admin"], app.Db(db => db.Users.Select(u => u.UserName!).ToList()));
        Assert.False(File.Exists(Path.Combine(app.DataPath, "demo-sign-ins.txt")));
        Assert.True(File.Exists(Path.Combine(app.DataPath, "gongkai.db")) || app.Database.IsPostgres);
        var home = await client.GetStringAsync("/");
        Assert.Contains("尚未录入机构信息", home);
    }

    [Fact]
    public async Task Token_requests_from_one_address_are_rate_limited_with_a_chinese_problem()
    {
        using var client = app.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
            last = await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = "Whatever2026x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求过于频繁", problem.GetProperty("title").GetString());
    }
}

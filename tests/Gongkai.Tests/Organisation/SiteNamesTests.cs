using System.Net;
using System.Net.Http.Json;
using Gongkai.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Organisation;

/// <summary>The layout's names (title, brand, footer) come from the government's org unit and the office, cached.</summary>
public sealed class SiteNamesTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private async Task<string> HomeAsync(string path = "/")
    {
        using var anon = app.Anonymous();
        return WebUtility.HtmlDecode(await anon.GetStringAsync(path));
    }

    [Fact]
    public async Task The_layout_names_the_government_of_the_data_a_rename_shows_at_once_and_a_direct_change_when_the_cache_expires()
    {
        // The demo looks as it always did.
        var home = await HomeAsync();
        Assert.Contains("<title>首页 - 明湖区人民政府 政务公开</title>", home);
        Assert.Contains("<a class=\"brand\" href=\"/\">明湖区人民政府 · 政务公开</a>", home);
        Assert.Contains("<p>明湖区人民政府办公室主办 · 政府信息公开工作机构：区人民政府办公室（政务公开办）</p>", home);
        Assert.Contains("<p class=\"lead\">明湖区人民政府依据", home);

        // Renamed through the API: every page shows the new name on the next request.
        using var admin = await app.ApiAs("admin");
        var renamed = await admin.PutAsJsonAsync("/api/departments/gov", new { name = "清河区人民政府" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await HomeAsync("/deadline");
        Assert.Contains("<title>截止日期计算器 - 清河区人民政府 政务公开</title>", after);
        Assert.Contains("清河区人民政府 · 政务公开</a>", after);
        Assert.Contains("<p>清河区人民政府办公室主办 · 政府信息公开工作机构：区人民政府办公室（政务公开办）</p>", after);
        Assert.DoesNotContain("明湖区人民政府", after);

        // Changed behind the application's back (another instance, a restore): the cached names stay
        // until they expire, then the office's absence shows: the government is its own disclosure office.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            (await db.Departments.SingleAsync(d => d.Code == "zfb")).Deactivate();
            await db.SaveChangesAsync();
        }
        Assert.Contains("政府信息公开工作机构：区人民政府办公室（政务公开办）", await HomeAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await HomeAsync();
        Assert.Contains("<p>清河区人民政府主办 · 政府信息公开工作机构：清河区人民政府</p>", expired);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.PublicVoice;

/// <summary>The office's topics of opinions: the seeded list, the API and the page.</summary>
public sealed class CaseTopicTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    [Fact]
    public async Task The_office_adds_edits_and_retires_topics_and_citizens_see_the_active_ones()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        var seeded = await citizen.GetFromJsonAsync<JsonElement>("/api/opinions/topics");
        Assert.Contains(seeded.EnumerateArray(), t => t.GetProperty("code").GetString() == "education" && t.GetProperty("defaultDepartment").GetString() == "jyj");

        var created = await office.PostAsJsonAsync("/api/admin/case-topics", new { code = "pets", name = "养犬管理", group = "城乡建设", defaultDepartment = "minzj" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await office.PostAsJsonAsync("/api/admin/case-topics", new { code = "pets", name = "重复" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已被使用", await again.Content.ReadAsStringAsync());
        var bad = await office.PostAsJsonAsync("/api/admin/case-topics", new { code = "宠物 管理", name = "", defaultDepartment = "nosuch" });
        var problems = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["code", "defaultDepartment", "name"], problems.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync("/api/admin/case-topics/pets", new { name = "养犬管理", active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PutAsJsonAsync("/api/admin/case-topics/nosuch", new { name = "x" })).StatusCode);
        Assert.DoesNotContain((await citizen.GetFromJsonAsync<JsonElement>("/api/opinions/topics")).EnumerateArray(), t => t.GetProperty("code").GetString() == "pets");
        // A retired topic cannot be picked.
        var filed = await citizen.PostAsJsonAsync("/api/opinions", new { title = "犬只扰民", content = "夜间犬吠", topic = "pets" });
        Assert.Equal(HttpStatusCode.BadRequest, filed.StatusCode);

        using var editor = await app.ApiAs("xinxiyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/admin/case-topics", new { code = "x", name = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_topics_page_saves_and_re_renders_errors_in_chinese()
    {
        using var office = await app.SignedInAsync("bangong");
        var page = await office.GetStringAsync("/admin/cases/topics");
        Assert.Contains("城市管理", page);
        var refused = await office.PostFormAsync("/admin/cases/topics", [new("Input.Code", "Bad Code"), new("Input.Name", "")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("类别代码应为小写字母", text);
        Assert.Contains("请填写类别名称", text);
        var saved = await office.PostFormAsync("/admin/cases/topics", [new("Input.Code", "heating"), new("Input.Name", "供暖"), new("Input.DefaultDepartment", "minzj")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("供暖", await office.GetStringAsync("/admin/cases/topics"));
        using var editor = await app.SignedInAsync("xinxiyuan");
        Assert.NotEqual(HttpStatusCode.OK, (await editor.GetAsync("/admin/cases/topics")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Organisation;

public sealed class DepartmentsApiTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Public_list_has_the_government_and_33_departments_with_valid_credit_codes()
    {
        using var client = app.Anonymous();
        var rows = await client.GetFromJsonAsync<JsonElement[]>("/api/departments");
        Assert.NotNull(rows);
        Assert.Equal(1, rows.Count(r => r.GetProperty("kind").GetString() == "Government"));
        Assert.Equal(33, rows.Count(r => r.GetProperty("kind").GetString() == "Department"));
        Assert.All(rows, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("name").GetString()));
            Assert.True(Domain.Organisation.CreditCode.IsValid(r.GetProperty("creditCode").GetString()));
        });
    }

    [Fact]
    public async Task Profile_shows_duties_and_leaders_and_unknown_code_is_a_chinese_404()
    {
        using var client = app.Anonymous();
        var gov = await client.GetFromJsonAsync<JsonElement>("/api/departments/gov");
        Assert.Equal("明湖区人民政府", gov.GetProperty("name").GetString());
        Assert.True(gov.GetProperty("leaders").GetArrayLength() >= 1);

        var missing = await client.GetAsync("/api/departments/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Office_admin_edits_a_department_through_the_api_and_bad_input_lists_each_field()
    {
        using var admin = await app.ApiAs("admin");
        var ok = await admin.PutAsJsonAsync("/api/departments/tjj", new { phone = "0451-86661234", officeHours = "工作日 9:00—17:00" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var profile = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("0451-86661234", profile.GetProperty("phone").GetString());

        var bad = await admin.PutAsJsonAsync("/api/departments/tjj", new { name = "", creditCode = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("18位", errors.GetProperty("creditCode")[0].GetString());
        // nothing half-written: the phone from the first edit is still there
        using var anon = app.Anonymous();
        var again = await anon.GetFromJsonAsync<JsonElement>("/api/departments/tjj");
        Assert.Equal("0451-86661234", again.GetProperty("phone").GetString());
        Assert.Equal("区统计局", again.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Department_staff_cannot_edit_departments_and_anonymous_gets_401()
    {
        using var anon = app.Anonymous();
        var unauth = await anon.PutAsJsonAsync("/api/departments/jyj", new { phone = "1" });
        Assert.Equal(HttpStatusCode.Unauthorized, unauth.StatusCode);

        using var editor = await app.ApiAs("xinxiyuan");
        var forbidden = await editor.PutAsJsonAsync("/api/departments/jyj", new { phone = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var problem = await forbidden.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("没有权限", problem.GetProperty("title").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalogue;

public sealed class ItemWorkflowApiTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private static object Draft(string title = "关于2026年城乡低保标准的通知", string body = "<p>经研究，自2026年1月1日起调整城乡居民最低生活保障标准。</p>", string department = "jyj") => new
    {
        title, department, writtenOn = "2026-02-20", category = "a20-11", documentNumber = "明教发〔2026〕3号",
        theme = "t11-02", keywords = "低保", summary = "调整低保标准", body,
    };

    private async Task<long> CreateAsync(HttpClient editor, object draft)
    {
        var response = await editor.PostAsJsonAsync("/api/items", draft);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Draft_submit_approve_publishes_with_an_index_number_from_the_default_template()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var id = await CreateAsync(editor, Draft());
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/items/{id}/submit", null)).StatusCode);

        var forbidden = await editor.PostAsJsonAsync($"/api/items/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode); // an editor cannot approve

        var approved = await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Published", body.GetProperty("state").GetString());
        var credit = app.Db(db => db.Departments.Single(d => d.Code == "jyj").CreditCode);
        Assert.Matches(new Regex($"^{credit}/\\d{{4}}-\\d{{5}}$"), body.GetProperty("indexNumber").GetString()!);

        using var anon = app.Anonymous();
        var item = await anon.GetFromJsonAsync<JsonElement>($"/api/items/{id}");
        Assert.Equal("关于2026年城乡低保标准的通知", item.GetProperty("title").GetString());
        Assert.Equal("区教育局", item.GetProperty("departmentName").GetString());
        Assert.Equal("有效", item.GetProperty("validity").GetString());
        Assert.True(app.Db(db => db.ChangeLog.Any(c => c.EntityId == id)));
    }

    [Fact]
    public async Task Sequence_numbers_follow_each_other_and_never_collide_under_concurrent_approvals()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var id = await CreateAsync(editor, Draft($"并发发布测试 {i}"));
            await editor.PostAsync($"/api/items/{id}/submit", null);
            ids.Add(id);
        }
        var results = await Task.WhenAll(ids.Select(async id =>
        {
            var r = await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indexNumber").GetString()!;
        }));
        Assert.Equal(results.Length, results.Distinct().Count());
        var numbers = app.Db(db => db.Items.Where(i => i.IndexNumber != null && i.DepartmentId == db.Departments.Single(d => d.Code == "jyj").Id)
            .Select(i => i.IndexNumber!).ToList()).Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).OrderBy(n => n).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers); // 1, 2, 3 … without gaps or repeats
    }

    [Fact]
    public async Task Missing_fields_are_listed_and_unknown_codes_named()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        var response = await editor.PostAsJsonAsync("/api/items", new { title = "", department = "nope", writtenOn = "2026-02-30", category = "zz" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "body", "department", "writtenOn", "category" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Contains("nope", errors.GetProperty("department")[0].GetString());
    }

    [Fact]
    public async Task Personal_data_blocks_publication_until_a_reviewer_overrides_with_a_reason()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var id = await CreateAsync(editor, Draft("低保对象公示", "<table><tr><td>张三</td><td>11010519491231002X</td><td>13800138000</td></tr></table>"));
        await editor.PostAsync($"/api/items/{id}/submit", null);

        var blocked = await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        var problem = await blocked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("发现个人信息", problem.GetProperty("title").GetString());
        var kinds = problem.GetProperty("personalData").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Contains("IdNumber", kinds);
        Assert.Contains("MobileNumber", kinds);
        Assert.All(problem.GetProperty("personalData").EnumerateArray(), h => Assert.Equal("正文", h.GetProperty("source").GetString()));
        Assert.DoesNotContain("11010519491231002X", await blocked.Content.ReadAsStringAsync()); // masked in the answer
        Assert.Equal("Submitted", app.Db(db => db.Items.Single(i => i.Id == id).State.ToString()));

        var overridden = await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { overrideReason = "公示对象已书面同意公开" });
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var audit = app.Db(db => db.AuditEntries.AsNoTracking().Single(e => e.Action == "PersonalDataOverride" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("shenheren", audit.ActorName);
        Assert.Contains("公示对象已书面同意公开", audit.After);
    }

    [Fact]
    public async Task A_revision_with_personal_data_is_refused_unless_a_reviewer_gives_a_reason()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var id = await CreateAsync(editor, Draft("修订个人信息测试"));
        await editor.PostAsync($"/api/items/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        const string withId = "<p>联系人身份证号11010519491231002X。</p>";

        var refused = await editor.PutAsJsonAsync($"/api/items/{id}", Draft("修订个人信息测试", withId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("身份证", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // An editor cannot override; a reviewer can, with a reason that the audit log keeps.
        var revision = new
        {
            title = "修订个人信息测试", department = "jyj", writtenOn = "2026-03-02", category = "a20-01", body = withId,
            personalDataOverrideReason = "当事人已书面同意公开",
        };
        var byEditor = await editor.PutAsJsonAsync($"/api/items/{id}", revision);
        Assert.Equal(HttpStatusCode.BadRequest, byEditor.StatusCode);
        Assert.True((await byEditor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("personalDataOverrideReason", out _));
        Assert.Equal(1, app.Db(db => db.Items.Single(i => i.Id == id).Version));

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PutAsJsonAsync($"/api/items/{id}", revision)).StatusCode);
        Assert.Equal(2, app.Db(db => db.Items.Single(i => i.Id == id).Version));
        var audit = app.Db(db => db.AuditEntries.AsNoTracking().Single(e => e.Action == "PersonalDataOverride" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("shenheren", audit.ActorName);
        Assert.Contains("当事人已书面同意公开", audit.After);
    }

    [Fact]
    public async Task Return_needs_a_reason_and_another_departments_staff_cannot_touch_the_draft()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        using var other = await app.ApiAs("minzheng");
        var id = await CreateAsync(editor, Draft("退回测试"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/items/{id}", Draft("改标题"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/items/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/items", Draft(department: "jyj"))).StatusCode);

        await editor.PostAsync($"/api/items/{id}/submit", null);
        var noReason = await reviewer.PostAsJsonAsync($"/api/items/{id}/return", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("退回理由", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var returned = await reviewer.PostAsJsonAsync($"/api/items/{id}/return", new { reason = "文号有误" });
        Assert.Equal("文号有误", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/items/{id}", Draft("退回后修改"))).StatusCode);
    }

    [Fact]
    public async Task A_published_item_is_revised_with_versions_kept_and_withdrawn_with_a_reason()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var id = await CreateAsync(editor, Draft("修订测试"));
        await editor.PostAsync($"/api/items/{id}/submit", null);
        var number = (await (await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indexNumber").GetString();

        var revised = await editor.PutAsJsonAsync($"/api/items/{id}", Draft("修订测试（修订版）"));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(number, (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indexNumber").GetString());
        var versions = app.Db(db => db.ItemVersions.Where(v => v.ItemId == id).ToList());
        Assert.Single(versions);
        Assert.Contains("修订测试", versions[0].Snapshot);
        Assert.Equal(2, app.Db(db => db.Items.Single(i => i.Id == id).Version));

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync($"/api/items/{id}/withdraw", new { })).StatusCode);
        var withdrawn = await editor.PostAsJsonAsync($"/api/items/{id}/withdraw", new { reason = "内容已过时" });
        Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/items/{id}")).StatusCode);
    }

    [Fact]
    public async Task Categories_tree_has_the_fifteen_items_of_article_20()
    {
        using var anon = app.Anonymous();
        var tree = await anon.GetFromJsonAsync<JsonElement[]>("/api/catalogue/categories");
        var a20 = tree!.Single(n => n.GetProperty("code").GetString() == "a20");
        Assert.Equal(15, a20.GetProperty("children").GetArrayLength());
        Assert.Equal("第二十条（一）", a20.GetProperty("children")[0].GetProperty("basis").GetString());
    }
}

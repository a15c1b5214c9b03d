using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>Inspections (明察暗访) and bulletins (通报): the supervision staff's only, bulletins through the catalogue's normal review.</summary>
public sealed class InspectionTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    private string Today => ChinaTime.Today(app.Clock).ToString("yyyy-MM-dd");

    private object Inspection(string place, string? problems = "窗口人员玩手机，群众等候20分钟无人理睬", string? persons = "窗口工作人员赵某") => new
    {
        inspectedOn = Today, department = "jyj", place, method = "暗访", findings = "工作日上午10时到达窗口，现场秩序一般。",
        problems, personsNamed = persons, inspectors = "监察一组",
    };

    private async Task<long> CreateAsync(HttpClient inspector, string place, string? problems = "窗口人员玩手机，群众等候20分钟无人理睬", string? persons = "窗口工作人员赵某")
    {
        var response = await inspector.PostAsJsonAsync("/api/admin/inspections", Inspection(place, problems, persons));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Inspectors_record_and_edit_inspections_and_no_one_else_sees_them()
    {
        using var inspector = await app.ApiAs("jiancha");
        var place = "政务服务中心教育窗口" + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(inspector, place);

        var list = await inspector.GetFromJsonAsync<JsonElement>("/api/admin/inspections");
        var row = list.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal("jyj", row.GetProperty("departmentCode").GetString());
        Assert.Equal(Today, row.GetProperty("inspectedOn").GetString());

        var updated = await inspector.PutAsJsonAsync($"/api/admin/inspections/{id}", new
        {
            inspectedOn = Today, department = "minzj", place = place + "二楼", method = "明察", findings = "复查", inspectors = "监察二组",
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("minzj", after.GetProperty("departmentCode").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("problems").ValueKind);

        foreach (var user in new[] { "bangong", "xinxiyuan", "jianduyuan" })
        {
            using var other = await app.ApiAs(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/admin/inspections")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/admin/inspections", Inspection("x"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/admin/bulletins", new { inspectionIds = new[] { id } })).StatusCode);
            using var browser = await app.SignedInAsync(user);
            await browser.AssertPageDeniedAsync("/admin/inspections");
            await browser.AssertPageDeniedAsync($"/admin/inspections/{id}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.PutAsJsonAsync("/api/admin/inspections/999999", Inspection("x"))).StatusCode);

        // The audit log (office, supervisors) shows that the inspection was written, not what it says.
        using var office = await app.ApiAs("bangong");
        var audit = await office.GetFromJsonAsync<JsonElement>("/api/audit?entityType=Inspection&pageSize=500");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("entityId").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(place, audit.GetRawText());
        Assert.DoesNotContain("窗口工作人员赵某", audit.GetRawText());
    }

    [Fact]
    public async Task Bad_inspections_get_chinese_messages_per_field()
    {
        using var inspector = await app.ApiAs("jiancha");
        var empty = await inspector.PostAsJsonAsync("/api/admin/inspections", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "inspectedOn", "department", "place", "method", "findings", "inspectors" })
            Assert.True(errors.TryGetProperty(field, out _), $"no message for {field}");
        Assert.Equal("请填写检查地点", errors.GetProperty("place")[0].GetString());

        var future = ChinaTime.Today(app.Clock).AddDays(3).ToString("yyyy-MM-dd");
        var wrong = await inspector.PostAsJsonAsync("/api/admin/inspections", new { inspectedOn = future, department = "nosuch", place = "p", method = "暗访", findings = "f", inspectors = "i" });
        var wrongErrors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("检查日期不能晚于今天", wrongErrors.GetProperty("inspectedOn")[0].GetString());
        Assert.Contains("nosuch", wrongErrors.GetProperty("department")[0].GetString());
    }

    [Fact]
    public async Task Inspectors_use_the_pages_without_javascript()
    {
        using var browser = await app.SignedInAsync("jiancha");
        var place = "街道便民服务中心" + Guid.NewGuid().ToString("N")[..6];
        var refused = await browser.PostFormAsync("/admin/inspections/new", [new("InspectedOn", Today), new("Department", "jyj"), new("Method", "暗访")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写检查地点", html);
        Assert.Contains("value=\"暗访\"", html);

        var saved = await browser.PostFormAsync("/admin/inspections/new",
        [
            new("InspectedOn", Today), new("Department", "jyj"), new("Place", place), new("Method", "暗访"),
            new("Findings", "现场检查"), new("Problems", "无人值守"), new("PersonsNamed", "钱某"), new("Inspectors", "监察一组"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await browser.GetStringAsync("/admin/inspections");
        Assert.Contains(place, list);
        // The form posts elsewhere than its page, so it must carry its own antiforgery token.
        Assert.Matches("<form [^>]*id=\"bulletin-form\"[^>]*>(?:(?!</form>)[\\s\\S])*__RequestVerificationToken", list);
        var id = app.Db(db => db.Inspections.Single(i => i.Place == place).Id);

        // Draft from the list, edit, save as an item draft.
        var draft = await browser.PostFormAsync("/admin/inspections/bulletin?handler=draft", [new("inspectionIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "/admin/inspections");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var draftHtml = await draft.Content.ReadAsStringAsync();
        Assert.Contains("明察暗访情况的通报", draftHtml);
        Assert.Contains("无人值守", draftHtml);
        Assert.Matches("<form [^>]*id=\"bulletin-edit\"[^>]*>(?:(?!</form>)[\\s\\S])*__RequestVerificationToken", draftHtml);
        var created = await browser.PostFormAsync("/admin/inspections/bulletin?handler=create",
            [new("InspectionIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Title", "关于便民服务中心暗访情况的通报"), new("Body", "第一段\n第二段<script>alert(1)</script>")], "/admin/inspections");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var itemId = app.Db(db => db.Inspections.Single(i => i.Id == id).BulletinItemId);
        Assert.NotNull(itemId);
        var body = app.Db(db => db.Items.Single(i => i.Id == itemId).Body);
        Assert.Contains("<p>第一段</p>", body);
        Assert.DoesNotContain("<script>", body);
        Assert.Contains("已存为政府信息草稿", await browser.GetStringAsync("/admin/inspections"));
    }

    [Fact]
    public async Task A_bulletin_names_units_problems_persons_and_sanctions_never_the_complainant_and_goes_through_review()
    {
        using var inspector = await app.ApiAs("jiancha");
        using var citizen = app.Anonymous();
        var marker = Guid.NewGuid().ToString("N")[..6];
        var first = await CreateAsync(inspector, "区教育局招生窗口" + marker);
        var second = await CreateAsync(inspector, "区教育局档案室" + marker, problems: null, persons: null);

        // A substantiated complaint whose investigator's text names the complainant.
        var filed = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            title = "招生窗口乱收费" + marker, content = "窗口收取材料费。", name = "孙投诉人", contact = "13700001111", accusedDepartment = "jyj", accusedPerson = "周某",
        });
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var complaintId = (await inspector.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={code}")).GetProperty("items")[0].GetProperty("id").GetInt64();
        await StepAsync(inspector, complaintId, "accept");

        // Not yet substantiated: refused.
        var early = await inspector.PostAsJsonAsync("/api/admin/bulletins", new { inspectionIds = new[] { first }, complaintIds = new[] { complaintId } });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚无查实的调查结论", await early.Content.ReadAsStringAsync());

        await StepAsync(inspector, complaintId, "findings", new { finding = "substantiated", findings = "孙投诉人反映周某违规收取材料费属实。", sanctions = "给予周某诫勉谈话" });
        var draft = await inspector.PostAsJsonAsync("/api/admin/bulletins/draft", new { inspectionIds = new[] { first, second }, complaintIds = new[] { complaintId } });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var text = await draft.Content.ReadFromJsonAsync<JsonElement>();
        var year = ChinaTime.Today(app.Clock).Year;
        Assert.Matches($"^关于{year}年第[0-9]+期明察暗访情况的通报$", text.GetProperty("title").GetString());
        var body = text.GetProperty("body").GetString()!;
        foreach (var expected in new[] { "区教育局招生窗口" + marker, "窗口人员玩手机", "窗口工作人员赵某", "周某", "给予周某诫勉谈话", "属实" })
            Assert.Contains(expected, body);
        Assert.DoesNotContain("孙投诉人", body);
        Assert.DoesNotContain("13700001111", body);

        var created = await inspector.PostAsJsonAsync("/api/admin/bulletins", new { inspectionIds = new[] { first, second }, complaintIds = new[] { complaintId } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var itemId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemId").GetInt64();
        var item = app.Db(db => db.Items.Where(i => i.Id == itemId).Select(i => new { i.State, i.Title, i.Body, Column = db.Categories.Where(c => c.Id == i.CategoryId).Select(c => c.Code).First(), i.CreatedBy }).Single());
        Assert.Equal(ItemState.Draft, item.State);
        Assert.Equal("xntb", item.Column);
        Assert.Equal("jiancha", item.CreatedBy);
        Assert.DoesNotContain("孙投诉人", item.Body);
        Assert.Contains("给予周某诫勉谈话", item.Body);
        Assert.All(app.Db(db => db.Inspections.Where(i => i.Id == first || i.Id == second).Select(i => i.BulletinItemId).ToList()), b => Assert.Equal(itemId, b));

        // An inspection goes into one bulletin.
        var again = await inspector.PostAsJsonAsync("/api/admin/bulletins", new { inspectionIds = new[] { first } });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已编入通报", await again.Content.ReadAsStringAsync());

        // The normal review: the office submits and approves, and it is published with an index number.
        using var office = await app.ApiAs("bangong");
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/items/{itemId}/submit", new { })).StatusCode);
        var approved = await office.PostAsJsonAsync($"/api/items/{itemId}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(ItemState.Published, app.Db(db => db.Items.Single(i => i.Id == itemId).State));
        var next = await inspector.PostAsJsonAsync("/api/admin/bulletins/draft", new { inspectionIds = new[] { await CreateAsync(inspector, "下一期" + marker) } });
        var nextTitle = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        Assert.NotEqual(text.GetProperty("title").GetString(), nextTitle);
    }

    [Fact]
    public async Task The_personal_data_check_applies_to_bulletins()
    {
        using var inspector = await app.ApiAs("jiancha");
        var id = await CreateAsync(inspector, "窗口" + Guid.NewGuid().ToString("N")[..6]);
        var created = await inspector.PostAsJsonAsync("/api/admin/bulletins", new
        {
            inspectionIds = new[] { id }, title = "关于窗口暗访情况的通报", body = "窗口工作人员赵某（手机13812345678）上班时间玩手机。",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var itemId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemId").GetInt64();
        using var office = await app.ApiAs("bangong");
        await office.PostAsJsonAsync($"/api/items/{itemId}/submit", new { });
        var approved = await office.PostAsJsonAsync($"/api/items/{itemId}/approve", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, approved.StatusCode);
        Assert.Equal(ItemState.Submitted, app.Db(db => db.Items.Single(i => i.Id == itemId).State));
    }

    [Fact]
    public async Task A_bulletin_needs_something_to_report()
    {
        using var inspector = await app.ApiAs("jiancha");
        var none = await inspector.PostAsJsonAsync("/api/admin/bulletins", new { inspectionIds = Array.Empty<long>() });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请选择要通报的明察暗访记录", await none.Content.ReadAsStringAsync());
        var unknown = await inspector.PostAsJsonAsync("/api/admin/bulletins", new { inspectionIds = new[] { 987654L } });
        Assert.Contains("没有编号为 987654 的明察暗访记录", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_bulletin_column_is_added_to_a_database_seeded_before_it_existed()
    {
        // Make the database look like one from before the column: rename it away, start the seeder again.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
            var column = await db.Categories.SingleAsync(c => c.Code == "xntb");
            column.Code = "xntb-old-" + Guid.NewGuid().ToString("N")[..4];
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<Gongkai.Features.Catalogue.CatalogueSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<Gongkai.Features.Catalogue.CatalogueSeeder>().SeedAsync();
        }
        Assert.Equal(1, app.Db(db => db.Categories.Count(c => c.Code == "xntb")));
        Assert.Equal("效能监察通报", app.Db(db => db.Categories.Single(c => c.Code == "xntb").Name));
    }
}

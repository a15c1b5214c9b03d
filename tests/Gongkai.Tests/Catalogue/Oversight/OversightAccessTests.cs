using System.Net;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Catalogue.Oversight.OversightTestKit;

namespace Gongkai.Tests.Catalogue.Oversight;

public sealed class OversightAccessTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    public static TheoryData<string> StaffPages =>
        ["/admin/oversight", "/admin/oversight/jyj", "/admin/oversight/jyj/duties", "/admin/items/import", "/admin/items/import/template.xlsx", "/admin/items/import/template.csv"];

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var anonymous = app.Anonymous();
        AssertSentToLogin(await anonymous.GetAsync(url));
    }

    [Fact]
    public async Task The_import_api_needs_a_bearer_token_of_someone_who_may_write()
    {
        var file = ImportFiles.Xlsx([ImportFiles.Row("访问控制：不应导入", "jyj")]);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportFiles.PostApiAsync(anonymous, file, "a.xlsx")).StatusCode);
        using var supervisor = await app.ApiAs("jianduyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportFiles.PostApiAsync(supervisor, file, "a.xlsx")).StatusCode);
        // A signed-in browser's cookie is not accepted by the API (it would need antiforgery).
        using var browser = await app.SignedInAsync("xinxiyuan");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportFiles.PostApiAsync(browser, file, "a.xlsx")).StatusCode);
        Assert.Equal(0, app.Db(db => db.Items.Count(i => i.Title == "访问控制：不应导入")));
    }

    [Fact]
    public async Task An_editor_sees_only_their_own_department_and_cannot_assign_duties()
    {
        using var editor = await app.SignedInAsync("xinxiyuan");
        var overview = await editor.GetAsync("/admin/oversight");
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.Equal("/admin/oversight/jyj", overview.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/oversight/jyj")).StatusCode);
        AssertDenied(await editor.GetAsync("/admin/oversight/minzj"));
        AssertDenied(await editor.GetAsync("/admin/oversight/jyj/duties"));
        AssertDenied(await editor.PostFormAsync("/admin/oversight/jyj/duties", [new("Codes", "jc-ywjy")], "/admin/oversight/jyj"));
        Assert.Equal(0, app.Db(db => db.DepartmentCategoryDuties.Count()));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/items/import")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_reads_every_department_but_neither_imports_nor_assigns_duties()
    {
        using var supervisor = await app.SignedInAsync("jianduyuan");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/admin/oversight")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/admin/oversight/minzj")).StatusCode);
        AssertDenied(await supervisor.GetAsync("/admin/oversight/minzj/duties"));
        AssertDenied(await supervisor.GetAsync("/admin/items/import"));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/admin/oversight/no-such-body")).StatusCode);
    }
}

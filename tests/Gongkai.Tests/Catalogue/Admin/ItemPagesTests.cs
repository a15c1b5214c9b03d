using System.Net;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalogue.Admin;

/// <summary>The staff pages of proactive disclosure, posted the way a browser without JavaScript does.</summary>
public sealed class ItemPagesTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private static KeyValuePair<string, string>[] Form(string title, string? body, string writtenOn = "2026-03-02", string category = "a20-11",
        string department = "jyj", string keywords = "入学 招生") =>
    [
        new("Input.Title", title), new("Input.Department", department), new("Input.DocumentNumber", "明教发〔2026〕9号"),
        new("Input.WrittenOn", writtenOn), new("Input.Category", category), new("Input.Theme", "t11-02"), new("Input.Keywords", keywords),
        new("Input.Summary", "招生安排"), new("Input.Kind", "Ordinary"), new("Input.InterpretsItemId", ""), new("Input.Body", body ?? ""),
    ];

    [Fact]
    public async Task An_editor_drafts_an_item_bad_input_is_explained_field_by_field_and_nothing_typed_is_lost()
    {
        using var editor = await app.SignedInAsync("xinxiyuan");
        var blank = await editor.PageAsync("/admin/items/new");
        Assert.Contains("value=\"区教育局\" readonly", blank); // the department is fixed for an editor

        var refused = await editor.PostFormAsync("/admin/items/new", Form("2026年秋季学期招生安排", body: null, writtenOn: "2026-13-40", category: ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.TextAsync();
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("请填写正文", page);
        Assert.Contains("请选择公开目录分类", page);
        Assert.Contains("成文日期“2026-13-40”无效", page);
        Assert.Contains("<a href=\"#Input_Body\">", page); // the summary leads to the field
        Assert.Contains("id=\"Input_Body-error\"", page);
        Assert.Contains("value=\"2026年秋季学期招生安排\"", page); // what was typed is still there
        Assert.Contains("value=\"入学 招生\"", page);
        Assert.Contains("value=\"2026-13-40\"", page);
        Assert.False(app.Db(db => db.Items.Any(i => i.Title == "2026年秋季学期招生安排")));

        // Another department in the form does not make it another department's item.
        var saved = await editor.PostFormAsync("/admin/items/new", Form("2026年秋季学期招生安排", "<p>九月一日开学。</p><script>alert(1)</script>", department: "minzj"), "/admin/items/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = long.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var item = app.Db(db => db.Items.AsNoTracking().Single(i => i.Id == id));
        Assert.Equal(app.Db(db => db.Departments.Single(d => d.Code == "jyj").Id), item.DepartmentId);
        Assert.Equal(ItemState.Draft, item.State);
        Assert.Equal(new DateOnly(2026, 3, 2), item.WrittenOn);
        Assert.DoesNotContain("script", item.Body);

        var edit = await editor.PageAsync($"/admin/items/{id}");
        Assert.Contains("<dd id=\"item-state\">草稿</dd>", edit);
        Assert.Contains($"action=\"/admin/items/{id}?handler=Submit\"", edit);
        Assert.DoesNotContain("审核通过并发布", edit); // an editor does not approve

        var submitted = await editor.ActAsync(id, "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal("Submitted", app.State(id));
    }

    [Fact]
    public async Task The_list_shows_an_editor_only_their_department_and_the_office_every_department_with_filters()
    {
        var ours = await app.CreateAsync("xinxiyuan", AdminKit.Draft("列表测试：教育局草稿"));
        await app.CreateAsync("minzheng", AdminKit.Draft("列表测试：民政局草稿", department: "minzj"));

        using var editor = await app.SignedInAsync("xinxiyuan");
        var list = await editor.PageAsync("/admin/items");
        Assert.Contains("列表测试：教育局草稿", list);
        Assert.DoesNotContain("列表测试：民政局草稿", list);
        Assert.DoesNotContain("明湖区关于调整城乡居民最低生活保障标准的通知", list); // 民政局's published demo item
        Assert.Contains($"href=\"/admin/items/{ours}\"", list);
        Assert.Contains("新建信息", list);
        Assert.Contains("<th scope=\"col\">索引号</th>", list);
        Assert.DoesNotContain("id=\"department\"", list); // no department filter for an editor
        // Another department's draft is not there by address either.
        var other = app.Db(db => db.Items.Single(i => i.Title == "列表测试：民政局草稿").Id);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/items/{other}")).StatusCode);

        using var office = await app.SignedInAsync("admin");
        var all = await office.PageAsync("/admin/items?q=列表测试");
        Assert.Contains("列表测试：教育局草稿", all);
        Assert.Contains("列表测试：民政局草稿", all);
        var minzj = await office.PageAsync("/admin/items?q=列表测试&department=minzj&state=Draft");
        Assert.Contains("列表测试：民政局草稿", minzj);
        Assert.DoesNotContain("列表测试：教育局草稿", minzj);
        var none = await office.PageAsync("/admin/items?q=列表测试&state=Withdrawn");
        Assert.Contains("没有符合条件的信息。", none);

        using var supervisor = await app.SignedInAsync("jianduyuan");
        var read = await supervisor.PageAsync("/admin/items?q=列表测试");
        Assert.Contains("列表测试：民政局草稿", read);
        Assert.DoesNotContain("新建信息", read);
        AdminKit.AssertDenied(await supervisor.GetAsync("/admin/items/new"));
        var view = await supervisor.PageAsync($"/admin/items/{ours}");
        Assert.Contains("当前状态下不能修改", view);
        Assert.DoesNotContain("提交审核</button>", view);
        AdminKit.AssertDenied(await supervisor.PostFormAsync($"/admin/items/{ours}", Form("监督员改标题", "<p>x</p>"), $"/admin/items/{ours}"));
        AdminKit.AssertDenied(await supervisor.ActAsync(ours, "Submit"));
        Assert.Equal("列表测试：教育局草稿", app.Db(db => db.Items.Single(i => i.Id == ours).Title));
    }

    [Fact]
    public async Task The_list_pages_fifty_at_a_time()
    {
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
            var department = await db.Departments.SingleAsync(d => d.Code == "zfb");
            var category = await db.Categories.SingleAsync(c => c.Code == "a20-01");
            for (var n = 1; n <= 51; n++)
                db.Items.Add(new DisclosureItem(new ItemContent($"分页测试第{n:D2}条", department.Id, category.Id, new DateOnly(2026, 1, 5), "<p>正文</p>"), "test", DateTime.UtcNow.AddSeconds(n)));
            await db.SaveChangesAsync();
        }
        using var office = await app.SignedInAsync("admin");
        var first = await office.PageAsync("/admin/items?q=分页测试");
        Assert.Contains("共 51 条信息，第 1 / 2 页", first);
        Assert.Contains("分页测试第51条", first); // newest first
        Assert.DoesNotContain("分页测试第01条", first);
        Assert.Contains("href=\"/admin/items?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95&amp;p=2\"", await (await office.GetAsync("/admin/items?q=分页测试")).Content.ReadAsStringAsync());
        var second = await office.PageAsync("/admin/items?q=分页测试&p=2");
        Assert.Contains("分页测试第01条", second);
        Assert.DoesNotContain("分页测试第51条", second);
    }

    [Fact]
    public async Task A_revision_keeps_the_previous_version_viewable_with_its_body_sanitized()
    {
        var id = await app.PublishedAsync("版本测试：原标题");
        using var editor = await app.SignedInAsync("xinxiyuan");
        var revised = await editor.PostFormAsync($"/admin/items/{id}", Form("版本测试：修订后的标题", "<p>修订后的正文。</p>"));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        Assert.Equal(2, app.Db(db => db.Items.Single(i => i.Id == id).Version));

        // A revision goes public at once: personal data in it is refused, and nothing is saved.
        var leaking = await editor.PostFormAsync($"/admin/items/{id}", Form("版本测试：第三版", $"<p>联系人身份证 {AdminKit.IdNumber}</p>"));
        Assert.Equal(HttpStatusCode.OK, leaking.StatusCode);
        var refusal = await leaking.TextAsync();
        Assert.Contains("修订后的内容中发现 1 处疑似个人信息，未保存", refusal);
        Assert.Contains(AdminKit.MaskedIdNumber, refusal);
        Assert.Contains("value=\"版本测试：第三版\"", refusal); // what was typed is kept
        Assert.Equal(2, app.Db(db => db.Items.Single(i => i.Id == id).Version));
        Assert.Equal(1, app.Db(db => db.ItemVersions.Count(v => v.ItemId == id)));
        Assert.DoesNotContain("revision-override", refusal); // an editor is not offered the override

        var versions = await editor.PageAsync($"/admin/items/{id}/versions");
        Assert.Contains("当前为第 2 版", versions);
        Assert.Contains("第 1 版", versions);
        Assert.Contains("xinxiyuan", versions);
        var savedAt = app.Db(db => db.ItemVersions.Single(v => v.ItemId == id).SavedAt);
        Assert.Contains(ChinaTime.ToLocal(savedAt).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), versions);

        var first = await editor.PageAsync($"/admin/items/{id}/versions?v=1");
        Assert.Contains("<td>版本测试：原标题</td>", first);
        Assert.Contains("经研究，现将有关事项通知如下。", first);

        // A stored snapshot is never trusted as HTML.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
            var v = await db.ItemVersions.SingleAsync(x => x.ItemId == id);
            v.Snapshot = v.Snapshot.Replace("经研究", "<script>alert('x')</script>经研究", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }
        var raw = await (await editor.GetAsync($"/admin/items/{id}/versions?v=1")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", raw);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/items/{id}/versions?v=7")).StatusCode);
        using var other = await app.SignedInAsync("minzheng");
        // Published, but its history is the department's: another department's editor does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/items/{id}/versions")).StatusCode);

        // A reviewer is offered it: a reason and a confirmation, then the revision is saved and audited.
        using var reviewer = await app.SignedInAsync("shenheren");
        var leakingAgain = Form("版本测试：第三版", $"<p>联系人身份证 {AdminKit.IdNumber}</p>");
        var offered = await (await reviewer.PostFormAsync($"/admin/items/{id}", leakingAgain)).TextAsync();
        Assert.Contains("可在表单下方填写理由后仍然保存", offered);
        Assert.Contains("revision-override", offered);
        var unconfirmed = await reviewer.PostFormAsync($"/admin/items/{id}", [.. leakingAgain, new("Input.PersonalDataOverrideReason", "当事人已书面同意公开")]);
        Assert.Contains("请勾选“我已确认”后再保存", await unconfirmed.TextAsync());
        Assert.Equal(2, app.Db(db => db.Items.Single(i => i.Id == id).Version));
        var overridden = await reviewer.PostFormAsync($"/admin/items/{id}",
            [.. leakingAgain, new("Input.PersonalDataOverrideReason", "当事人已书面同意公开"), new("Input.PersonalDataOverrideConfirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);
        Assert.Equal(3, app.Db(db => db.Items.Single(i => i.Id == id).Version));
        Assert.Equal(2, app.Db(db => db.ItemVersions.Count(v => v.ItemId == id)));
        Assert.Contains("当事人已书面同意公开", app.Db(db => db.AuditEntries.Single(e => e.Action == "PersonalDataOverride" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).After));
    }

    [Fact]
    public async Task Withdrawal_needs_a_reason_and_the_confirmation_and_then_shows_the_reason()
    {
        var id = await app.PublishedAsync("撤回测试");
        using var editor = await app.SignedInAsync("xinxiyuan");
        var page = await editor.PageAsync($"/admin/items/{id}");
        Assert.Contains("我已确认撤回该信息", page);

        var unconfirmed = await editor.ActAsync(id, "Withdraw", ("reason", "内容有误"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var text = await unconfirmed.TextAsync();
        Assert.Contains("请勾选“我已确认撤回”后再撤回", text);
        Assert.Contains(">内容有误</textarea>", text); // the reason typed is kept
        Assert.Equal("Published", app.State(id));

        var reasonless = await editor.ActAsync(id, "Withdraw", ("reason", ""), ("confirm", "true"));
        Assert.Contains("请填写撤回理由", await reasonless.TextAsync());
        Assert.Equal("Published", app.State(id));

        var withdrawn = await editor.ActAsync(id, "Withdraw", ("reason", "内容有误，需重新发布"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", app.State(id));
        var after = await editor.PageAsync($"/admin/items/{id}");
        Assert.Contains("撤回理由", after);
        Assert.Contains("内容有误，需重新发布", after);
        using var anon = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/items/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_returns_with_a_reason_and_schedules_publication_in_Beijing_time()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("定时发布测试"));
        using var editor = await app.SignedInAsync("xinxiyuan");
        await editor.ActAsync(id, "Submit");
        using var reviewer = await app.SignedInAsync("shenheren");

        var noReason = await reviewer.ActAsync(id, "Return", ("reason", ""));
        Assert.Contains("请填写退回理由", await noReason.TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.ActAsync(id, "Return", ("reason", "请补充文号"))).StatusCode);
        Assert.Contains("请补充文号", await editor.PageAsync($"/admin/items/{id}"));
        await editor.ActAsync(id, "Submit");

        var unconfirmed = await reviewer.ActAsync(id, "Approve");
        Assert.Contains("请勾选“我已确认”后再发布", await unconfirmed.TextAsync());
        Assert.Equal("Submitted", app.State(id));

        var local = ChinaTime.ToLocal(app.Clock.GetUtcNow().UtcDateTime).Date.AddDays(3).AddHours(9);
        var scheduled = await reviewer.ActAsync(id, "Approve", ("publishAt", local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var item = app.Db(db => db.Items.AsNoTracking().Single(i => i.Id == id));
        Assert.Equal(ItemState.Scheduled, item.State);
        Assert.Equal(local.AddHours(-8), item.ScheduledFor); // 09:00 in Beijing is 01:00 UTC
        Assert.Contains($"北京时间 {local:yyyy-MM-dd} 09:00", await reviewer.PageAsync($"/admin/items/{id}"));
    }

    [Fact]
    public async Task Related_items_are_stored_once_per_pair_and_shown_on_both_public_pages()
    {
        var a = await app.PublishedAsync("关联测试甲");
        var b = await app.PublishedAsync("关联测试乙");
        var draft = await app.CreateAsync("xinxiyuan", AdminKit.Draft("关联测试草稿"));
        using var editor = await app.SignedInAsync("xinxiyuan");

        Assert.Equal(HttpStatusCode.Redirect, (await editor.ActAsync(a, "AddRelation", ("relatedId", b.ToString(System.Globalization.CultureInfo.InvariantCulture)))).StatusCode);
        var twice = await editor.ActAsync(b, "AddRelation", ("relatedId", a.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains($"已关联编号为 {a} 的信息", await twice.TextAsync());
        var toDraft = await editor.ActAsync(a, "AddRelation", ("relatedId", draft.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("只能关联已发布的信息", await toDraft.TextAsync());
        Assert.Equal(1, app.Db(db => db.ItemRelations.Count(r => r.ItemId == a || r.ItemId == b)));

        using var anon = app.Anonymous();
        Assert.Contains("关联测试乙", await anon.PageAsync($"/items/{a}"));
        Assert.Contains("关联测试甲", await anon.PageAsync($"/items/{b}"));
        Assert.Contains("关联测试甲", await editor.PageAsync($"/admin/items/{b}"));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.ActAsync(b, "RemoveRelation", ("relatedId", a.ToString(System.Globalization.CultureInfo.InvariantCulture)))).StatusCode);
        Assert.Equal(0, app.Db(db => db.ItemRelations.Count(r => r.ItemId == a || r.ItemId == b)));
    }

    [Fact]
    public async Task Repeal_needs_the_confirmation_and_a_date()
    {
        var id = await app.PublishedAsync("废止测试");
        using var editor = await app.SignedInAsync("xinxiyuan");
        var unconfirmed = await editor.ActAsync(id, "Validity", ("validity", "Repealed"), ("on", "2026-06-01"));
        Assert.Contains("请勾选“我已确认”后再标注", await unconfirmed.TextAsync());
        Assert.Equal(Validity.Valid, app.Db(db => db.Items.Single(i => i.Id == id).Validity));

        var repealed = await editor.ActAsync(id, "Validity", ("validity", "Repealed"), ("on", "2026-06-01"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, repealed.StatusCode);
        var item = app.Db(db => db.Items.AsNoTracking().Single(i => i.Id == id));
        Assert.Equal(Validity.Repealed, item.Validity);
        Assert.Equal(new DateOnly(2026, 6, 1), item.ValidityChangedOn);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>/admin/applications: order, filters, scope, counts, empty state and paging.</summary>
public sealed class InboxPageTests(ApplicationPagesFactory app) : IClassFixture<ApplicationPagesFactory>
{
    [Fact]
    public async Task Overdue_applications_come_first_then_by_due_date()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var later = await RegisterAsync(api, receivedOn: Iso(Gongkai.Hosting.ChinaTime.Today(app.Clock)), description: "排序测试：刚收到");
        var overdue = await RegisterAsync(api, receivedOn: "2026-08-03", description: "排序测试：早已超期");
        var sooner = await RegisterAsync(api, receivedOn: "2026-11-02", description: "排序测试：较早收到");

        using var staff = await app.SignedInAsync("xinxiyuan");
        var page = await staff.PageAsync("/admin/applications");
        var order = Rows(page).Where(r => new[] { later.Id, overdue.Id, sooner.Id }.Contains(r)).ToList();
        Assert.Equal([overdue.Id, sooner.Id, later.Id], order);
        Assert.Matches($"<tr data-id=\"{overdue.Id}\" class=\"overdue\">", page);
        Assert.Contains("已超期", page);

        var onlyOverdue = await staff.PageAsync("/admin/applications?overdue=true");
        Assert.Contains(overdue.Id, Rows(onlyOverdue));
        Assert.DoesNotContain(later.Id, Rows(onlyOverdue));
    }

    [Fact]
    public async Task Department_staff_see_only_theirs_and_the_office_sees_all_with_a_department_filter()
    {
        using var jyjApi = await app.ApiAs("xinxiyuan");
        using var minzjApi = await app.ApiAs("minzheng");
        var ours = await RegisterAsync(jyjApi, description: "范围测试：教育局");
        var theirs = await RegisterAsync(minzjApi, department: "minzj", description: "范围测试：民政局");

        using var jyj = await app.SignedInAsync("xinxiyuan");
        var own = await jyj.PageAsync("/admin/applications?status=all");
        Assert.Contains(ours.Id, Rows(own));
        Assert.DoesNotContain(theirs.Id, Rows(own));
        Assert.DoesNotContain("id=\"department\"", own); // no department filter for a department
        Assert.Contains("本部门申请概况", own);
        // Asking for another department's list changes nothing.
        Assert.DoesNotContain(theirs.Id, Rows(await jyj.PageAsync("/admin/applications?department=minzj")));
        Assert.Equal(HttpStatusCode.NotFound, (await jyj.GetAsync($"/admin/applications/{theirs.Id}")).StatusCode);

        using var office = await app.SignedInAsync("bangong");
        Assert.Contains(ours.Id, Rows(await office.PageAsync("/admin/applications?department=jyj")));
        Assert.Contains("全区申请概况", await office.PageAsync("/admin/applications"));
        var filtered = await office.PageAsync("/admin/applications?department=minzj");
        Assert.Contains(theirs.Id, Rows(filtered));
        Assert.DoesNotContain(ours.Id, Rows(filtered));
        Assert.Contains("<option value=\"minzj\" selected=\"selected\">", filtered);

        using var supervisor = await app.SignedInAsync("jianduyuan");
        var read = await supervisor.PageAsync("/admin/applications?department=minzj");
        Assert.Contains(theirs.Id, Rows(read));
        Assert.DoesNotContain("/admin/applications/new", read); // supervisors only read
    }

    [Fact]
    public async Task Counts_follow_what_is_registered_and_bad_filters_get_a_chinese_message()
    {
        using var office = await app.SignedInAsync("bangong");
        var before = Counts(await office.PageAsync("/admin/applications"));
        using var api = await app.ApiAs("bangong");
        await RegisterAsync(api, department: "jtj", receivedOn: "2026-07-01", description: "计数测试：超期");
        await RegisterAsync(api, department: "jtj", description: "计数测试：新收到", receivedOn: Iso(Gongkai.Hosting.ChinaTime.Today(app.Clock)));
        var after = Counts(await office.PageAsync("/admin/applications"));
        Assert.Equal(before["open"] + 2, after["open"]);
        Assert.Equal(before["overdue"] + 1, after["overdue"]);
        Assert.Equal(before["received"] + 2, after["received"]);

        var bad = await office.GetAsync("/admin/applications?status=nonsense&department=nope");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var text = await bad.TextAsync();
        Assert.Contains("请从列表中选择状态", text);
        Assert.Contains("请从列表中选择承办部门", text);

        var empty = await office.PageAsync("/admin/applications?department=swj");
        Assert.Contains("没有符合条件的申请。", empty);
    }

    [Fact]
    public async Task Long_lists_are_paged_with_p()
    {
        using var api = await app.ApiAs("bangong");
        for (var i = 0; i < 51; i++) await RegisterAsync(api, department: "sfj", description: $"分页测试 {i}");
        using var office = await app.SignedInAsync("bangong");

        var first = await office.PageAsync("/admin/applications?department=sfj");
        Assert.Equal(50, Rows(first).Count);
        Assert.Contains("第 1 / 2 页", first);
        Assert.Contains("href=\"/admin/applications?status=open&department=sfj&p=2\" rel=\"next\"", first);
        var second = await office.PageAsync("/admin/applications?status=open&department=sfj&p=2");
        Assert.Single(Rows(second));
        Assert.Empty(Rows(first).Intersect(Rows(second)));
        // Past the end: the last page, not an empty one.
        Assert.Equal(Rows(second), Rows(await office.PageAsync("/admin/applications?department=sfj&p=99")));
    }

    private static List<long> Rows(string html) =>
        [.. Regex.Matches(html, "<tr data-id=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static Dictionary<string, int> Counts(string html) =>
        Regex.Matches(html, "data-count=\"([a-z]+)\"[^>]*>(\\d+)<").ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
}

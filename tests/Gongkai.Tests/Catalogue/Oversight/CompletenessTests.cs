using System.Globalization;
using Gongkai.Features.Catalogue;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Catalogue.Oversight.OversightTestKit;

namespace Gongkai.Tests.Catalogue.Oversight;

public sealed class CompletenessTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task A_required_column_is_empty_for_a_department_without_items_and_not_after_it_publishes_one()
    {
        // 区发展和改革局 has no item in the demo district; 第二十条（一） is required of every body.
        using var office = await app.SignedInAsync("admin");
        var before = await office.PageAsync("/admin/oversight/fgj");
        Assert.Equal("空白", ColumnStatus(before, "a20-01"));
        Assert.Equal("空白", ColumnStatus(before, "a20-07"));
        var overviewBefore = OverviewRow(await office.PageAsync("/admin/oversight"), "fgj");

        using var api = await app.ApiAs("admin");
        await PublishAsync(api, Draft("明湖区发展和改革局行政规范性文件目录", "fgj", "2026-11-20", "a20-01"));

        var after = await office.PageAsync("/admin/oversight/fgj");
        Assert.Equal("正常", ColumnStatus(after, "a20-01"));
        Assert.Equal("空白", ColumnStatus(after, "a20-07")); // the others stay as they were
        var overviewAfter = OverviewRow(await office.PageAsync("/admin/oversight"), "fgj");
        Assert.Equal(int.Parse(overviewBefore[3], CultureInfo.InvariantCulture) - 1, int.Parse(overviewAfter[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_office_assigns_a_grassroots_column_which_then_counts_and_the_change_is_audited()
    {
        using var office = await app.SignedInAsync("admin");
        var page = await office.PageAsync("/admin/oversight/minzj");
        Assert.DoesNotContain(page.QuerySelectorAll("th"), th => th.TextContent.Contains("(jc-shjz)", StringComparison.Ordinal));

        var saved = await office.PostFormAsync("/admin/oversight/minzj/duties", [new("Codes", "jc-shjz"), new("Codes", "jc-ylfw")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        page = await office.PageAsync("/admin/oversight/minzj");
        Assert.Equal("空白", ColumnStatus(page, "jc-shjz"));
        Assert.Equal("空白", ColumnStatus(page, "jc-ylfw"));
        var form = await office.PageAsync("/admin/oversight/minzj/duties");
        Assert.True(form.QuerySelector("input[value='jc-shjz']")!.HasAttribute("checked"));
        Assert.False(form.QuerySelector("input[value='jc-jy']")!.HasAttribute("checked"));
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.EntityType == nameof(DepartmentCategoryDuty) && e.Action == "Created" && e.ActorName == "admin")));

        using var api = await app.ApiAs("minzheng");
        using var reviewerless = await app.ApiAs("admin"); // 民政局 has no reviewer account in the demo: the office approves
        var id = await CreateAsync(api, Draft("明湖区2026年11月城乡低保对象名单公示说明", "minzj", "2026-11-20", "jc-shjz"));
        await SubmitAsync(api, id);
        await ApproveAsync(reviewerless, id);
        Assert.Equal("正常", ColumnStatus(await office.PageAsync("/admin/oversight/minzj"), "jc-shjz"));

        // Unticking removes the duty (and the column from the check).
        await office.PostFormAsync("/admin/oversight/minzj/duties", [new("Codes", "jc-shjz")]);
        page = await office.PageAsync("/admin/oversight/minzj");
        Assert.DoesNotContain(page.QuerySelectorAll("th"), th => th.TextContent.Contains("(jc-ylfw)", StringComparison.Ordinal));
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.EntityType == nameof(DepartmentCategoryDuty) && e.Action == "Deleted")));
    }

    [Fact]
    public async Task The_dashboard_shows_the_districts_figures_to_the_office_and_the_departments_own_to_its_editor()
    {
        using var office = await app.SignedInAsync("admin");
        var dashboard = await office.PageAsync("/admin");
        Assert.NotNull(dashboard.QuerySelector("#oversight"));
        Assert.NotNull(dashboard.QuerySelector("a[href='/admin/oversight']"));
        // Every body of the demo district lacks at least one required column, so the figure is never 0.
        Assert.True(int.Parse(dashboard.QuerySelector("[data-figure='empty']")!.TextContent, CultureInfo.InvariantCulture) > 0);

        using var editor = await app.SignedInAsync("xinxiyuan");
        var own = await editor.PageAsync("/admin");
        Assert.Contains("区教育局", own.QuerySelector("#oversight")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(own.QuerySelector("a[href='/admin/oversight/jyj']"));
        Assert.Null(own.QuerySelector("[data-figure='departments']"));
        var report = await editor.PageAsync("/admin/oversight/jyj");
        var empty = report.QuerySelectorAll("tbody tr").Count(r => r.QuerySelector("td:last-child")?.TextContent.Trim() == "空白");
        Assert.Equal(empty.ToString(CultureInfo.InvariantCulture), own.QuerySelector("[data-figure='empty']")!.TextContent);
    }
}

/// <summary>Its own factory: the clock moves a year on.</summary>
public sealed class StaleColumnTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task A_column_whose_newest_item_is_older_than_its_period_is_stale()
    {
        using (var api = await app.ApiAs("admin"))
            await PublishAsync(api, Draft("明湖区交通运输局2026年部门预算", "jtj", "2026-11-20", "a20-07"));
        using (var office = await app.SignedInAsync("admin"))
            Assert.Equal("正常", ColumnStatus(await office.PageAsync("/admin/oversight/jtj"), "a20-07"));

        // Seeded required columns must be refreshed at least every 365 days.
        app.Clock.Advance(TimeSpan.FromDays(365));
        using (var office = await app.SignedInAsync("admin"))
            Assert.Equal("正常", ColumnStatus(await office.PageAsync("/admin/oversight/jtj"), "a20-07"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        using (var office = await app.SignedInAsync("admin"))
        {
            var page = await office.PageAsync("/admin/oversight/jtj");
            Assert.Equal("未及时更新", ColumnStatus(page, "a20-07"));
            Assert.Equal("空白", ColumnStatus(page, "a20-01"));
            var row = OverviewRow(await office.PageAsync("/admin/oversight?sort=stale&desc=true"), "jtj");
            Assert.Equal("1", row[4]);
        }
    }
}

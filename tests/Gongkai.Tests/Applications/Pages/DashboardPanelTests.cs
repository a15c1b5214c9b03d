using Gongkai.Domain.Calendar;
using Gongkai.Hosting;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>The staff dashboard's 依申请公开 panel: the overdue for the office, what is due soon for a department.</summary>
public sealed class DashboardPanelTests(ApplicationPagesFactory app) : IClassFixture<ApplicationPagesFactory>
{
    [Fact]
    public async Task The_office_sees_overdue_applications_at_the_top_and_departments_what_is_due_within_5_working_days()
    {
        using var api = await app.ApiAs("xinxiyuan");
        var overdue = await RegisterAsync(api, receivedOn: "2026-08-03", description: "工作台测试：超期");
        var today = ChinaTime.Today(app.Clock);
        var received = today.AddDays(-1);
        while (WorkingDayCalendar.Official.CountWorkingDays(received, today) < 17) received = received.AddDays(-1);
        var soon = await RegisterAsync(api, receivedOn: Iso(received), description: "工作台测试：即将到期");

        using var office = await app.SignedInAsync("bangong");
        var page = await office.PageAsync("/admin");
        var panel = Between(page, "id=\"applications-panel\"", "</section>");
        Assert.Contains("依申请公开（全区）", panel);
        Assert.Contains("已超期未答复", panel);
        Assert.Contains(overdue.TrackingCode, Between(panel, "id=\"overdue-applications\"", "</table>"));
        Assert.DoesNotContain(soon.TrackingCode, panel); // the office gets the count of what is due soon, not the list
        Assert.True(page.IndexOf("id=\"applications-panel\"", StringComparison.Ordinal) < page.IndexOf("id=\"glance\"", StringComparison.Ordinal));

        using var editor = await app.SignedInAsync("xinxiyuan");
        panel = Between(await editor.PageAsync("/admin"), "id=\"applications-panel\"", "</section>");
        Assert.Contains("依申请公开（本部门）", panel);
        Assert.Contains(overdue.TrackingCode, Between(panel, "id=\"overdue-applications\"", "</table>"));
        Assert.Contains(soon.TrackingCode, Between(panel, "id=\"due-soon-applications\"", "</table>"));

        using var other = await app.SignedInAsync("minzheng");
        panel = Between(await other.PageAsync("/admin"), "id=\"applications-panel\"", "</section>");
        Assert.DoesNotContain(overdue.TrackingCode, panel);
        Assert.DoesNotContain(soon.TrackingCode, panel);
    }

    [Fact]
    public async Task The_navigation_leads_to_the_inbox()
    {
        using var editor = await app.SignedInAsync("xinxiyuan");
        Assert.Contains("<a href=\"/admin/applications\">依申请公开</a>", await editor.PageAsync("/admin"));
    }
}

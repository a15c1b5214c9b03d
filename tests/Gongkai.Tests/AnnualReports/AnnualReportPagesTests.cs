using System.Net;
using Gongkai.Features.AnnualReports;
using Gongkai.Features.Notifications;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.AnnualReports;

/// <summary>Reminders run only when a test calls them.</summary>
public sealed class ReportPagesFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:AnnualReports:Reminders:Enabled", "false"),
        new("Gongkai:Applications:Reminders:Enabled", "false"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
    ];
}

/// <summary>The back-office pages without JavaScript, the dashboard panel and the deadline reminders on the fake clock.</summary>
public sealed class AnnualReportPagesTests(ReportPagesFactory app) : IClassFixture<ReportPagesFactory>
{
    [Fact]
    public async Task Staff_edit_sections_and_figures_on_the_page_and_bad_input_re_renders_in_chinese()
    {
        var year = ChinaTime.Today(app.Clock).Year - 1;
        using var editor = await app.SignedInAsync("xinxiyuan");
        var list = await editor.GetStringAsync($"/admin/reports?year={year}");
        Assert.Contains("区教育局", list);
        Assert.DoesNotContain("区民政局", list); // another department's report is not listed for a department's editor

        var url = $"/admin/reports/{year}/jyj";
        var page = await editor.GetStringAsync(url);
        Assert.Contains("勾稽关系校验", page);
        Assert.Contains("申请人情况", page);
        Assert.DoesNotContain("发布年度报告", page); // an editor does not publish

        var saved = await editor.PostFormAsync($"{url}?handler=Sections", [new("section.problems", "栏目更新不够及时。")], url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("栏目更新不够及时。", await editor.GetStringAsync(url));

        var bad = await editor.PostFormAsync($"{url}?handler=Figures",
            [new("value.licensing.decisions", "很多"), new("source.licensing.decisions", "审批系统")], url);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("“很多”不是数字", html);
        var noSource = await editor.PostFormAsync($"{url}?handler=Figures", [new("value.licensing.decisions", "12")], url);
        Assert.Contains("请注明数据来源", await noSource.Content.ReadAsStringAsync());

        var other = await editor.GetAsync($"/admin/reports/{year}/minzj");
        Assert.True(other.StatusCode is HttpStatusCode.Forbidden || other.Headers.Location?.ToString().Contains("denied", StringComparison.OrdinalIgnoreCase) == true,
            $"{(int)other.StatusCode} {other.Headers.Location}");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/reports/{year}/nosuch")).StatusCode);

        using var reviewer = await app.SignedInAsync("shenheren");
        var unconfirmed = await reviewer.PostFormAsync($"{url}?handler=Publish", [], url);
        Assert.Contains("请勾选", await unconfirmed.Content.ReadAsStringAsync());
        var refused = await reviewer.PostFormAsync($"{url}?handler=Publish", [new("confirm", "true")], url);
        Assert.Contains("勾稽关系校验未通过", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bodies_are_reminded_30_and_7_days_before_and_the_dashboard_lists_late_ones()
    {
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
            foreach (var user in new[] { "xinxiyuan", "minzheng", "bangong" })
                await db.Users.Where(u => u.UserName == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, $"{user}@example.cn"));
        }
        var service = app.Services.GetRequiredService<AnnualReportReminderService>();
        var next = ChinaTime.Today(app.Clock).Year + 1;
        List<Notification> Sent() => app.Db(db => db.Notifications.AsNoTracking().Where(n => n.Reference!.StartsWith("annual-report-reminder:")).ToList());

        MoveTo(new DateOnly(next, 1, 1));   // departments' deadline 31 January: 30 days
        await service.RunOnceAsync(default);
        await service.RunOnceAsync(default);
        var first = Sent();
        Assert.Contains(first, n => n.Recipient == "xinxiyuan@example.cn" && n.Reference == AnnualReportReminderService.Key(next - 1, "jyj", 30));
        Assert.Contains(first, n => n.Recipient == "minzheng@example.cn" && n.Reference == AnnualReportReminderService.Key(next - 1, "minzj", 30));
        Assert.DoesNotContain(first, n => n.Recipient == "bangong@example.cn"); // the government's deadline is 31 March
        Assert.Equal(first.Count, first.Select(n => (n.Recipient, n.Reference)).Distinct().Count());
        Assert.All(first, n => Assert.Contains("第四十九条", n.Body));

        MoveTo(new DateOnly(next, 1, 25));
        await service.RunOnceAsync(default);
        Assert.Contains(Sent(), n => n.Reference == AnnualReportReminderService.Key(next - 1, "jyj", 7));

        MoveTo(new DateOnly(next, 3, 2));   // 29 days before the government's deadline
        await service.RunOnceAsync(default);
        Assert.Contains(Sent(), n => n.Recipient == "bangong@example.cn" && n.Reference == AnnualReportReminderService.Key(next - 1, "gov", 30));

        using var office = await app.SignedInAsync("bangong");
        var dashboard = await office.GetStringAsync("/admin");
        Assert.Contains($"{next - 1} 年度政府信息公开工作年度报告", dashboard);
        Assert.Contains("逾期未公布", dashboard);
        Assert.Contains("区教育局", dashboard);
        var dueSoon = dashboard[dashboard.IndexOf("30日内到期未公布", StringComparison.Ordinal)..];
        Assert.Contains("明湖区人民政府", dueSoon[..dueSoon.IndexOf("</p>", StringComparison.Ordinal)]); // due 31 March
    }

    private void MoveTo(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(at);
    }
}

using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests;

/// <summary>
/// Issue item 11, the first journey: open the portal, use the deadline calculator, sign in as admin,
/// verify the audit chain; axe-core on every page visited (no serious or critical violations).
/// Full-page screenshots go to the test output folder (bin/…/screenshots).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalJourneyTests(PortalServer portal, ITestOutputHelper output)
{
    private readonly Journey _journey = new(portal, output.WriteLine);

    [Fact]
    public async Task Portal_deadline_calculator_and_admin_sign_in()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await _journey.RunAsync(page, "journey", () => JourneyAsync(page));
    }

    private async Task JourneyAsync(IPage page)
    {
        var header = page.Locator("header.site-header");

        // The portal home.
        var home = await page.GotoAsync("/");
        Assert.Equal(200, home?.Status);
        await Expect(H1(page)).ToHaveTextAsync("政务公开");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("政务公开"));
        // site.css is served (a build that serves no static files would still pass the text checks).
        await Expect(header).ToHaveCSSAsync("background-color", "rgb(164, 22, 26)");
        await CheckPageAsync(page, "01-home", "portal home");

        // The deadline calculator, reached from the header.
        await header.GetByRole(AriaRole.Link, new() { Name = "截止日期计算器", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/deadline");
        await Expect(H1(page)).ToHaveTextAsync("截止日期计算器");
        await Expect(page.Locator("#due")).ToHaveCountAsync(0); // no result before a calculation

        // 2026-02-10 + 20 working days: the Spring Festival week (15–23 Feb) is skipped, the
        // make-up Saturdays (14 and 28 Feb) count.
        await CalculateAsync(page, "2026-02-10", "20");
        await Expect(page.Locator("#due")).ToHaveTextAsync("2026-03-16");
        await Expect(page.Locator("#assumed")).ToHaveCountAsync(0); // 2026 is announced
        await Expect(page.Locator("#from")).ToHaveValueAsync("2026-02-10"); // the form keeps its input
        await Expect(page.Locator("#workingDays")).ToHaveValueAsync("20");
        await CheckPageAsync(page, "02-deadline-result", "deadline calculator with a result");

        // The extended term: 20 more working days.
        await CalculateAsync(page, "2026-02-10", "40");
        await Expect(page.Locator("#due")).ToHaveTextAsync("2026-04-14");
        await Expect(page.Locator("#assumed")).ToHaveCountAsync(0);

        // Into 2027, whose holidays are not announced yet: the result says it assumed Monday–Friday.
        await CalculateAsync(page, "2026-12-20", "20");
        await Expect(page.Locator("#due")).ToHaveTextAsync("2027-01-15");
        await Expect(page.Locator("#assumed")).ToBeVisibleAsync();
        await Expect(page.Locator("#assumed")).ToContainTextAsync("2027");
        await Expect(page.Locator("#assumed")).ToContainTextAsync("尚未公布");
        await CheckPageAsync(page, "03-deadline-assumed", "deadline calculator with the 2027 warning");

        // Staff sign-in from the header.
        await header.GetByRole(AriaRole.Link, new() { Name = "工作人员登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/account/login");
        await Expect(H1(page)).ToHaveTextAsync("工作人员登录");
        await CheckPageAsync(page, "04-login", "staff login");

        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync(PortalServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/admin");
        await Expect(H1(page)).ToHaveTextAsync("工作台");
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "工作人员登录" })).ToHaveCountAsync(0);
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "05-admin-dashboard", "admin dashboard");

        // The audit log: the hash chain (the sign-in just added a link) verifies.
        var audit = await page.GotoAsync("/admin/audit");
        Assert.Equal(200, audit?.Status);
        await Expect(H1(page)).ToHaveTextAsync("审计日志");
        await Expect(page.Locator("#verification")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "校验哈希链", Exact = true }).ClickAsync();
        await Expect(page.Locator("#verification")).ToContainTextAsync("完整");
        await Expect(page.Locator("#verification")).ToHaveClassAsync("notice");
        await CheckPageAsync(page, "06-admin-audit-verified", "audit log after verification");
    }

    [Fact]
    public async Task Deadline_calculator_works_without_javascript_and_rejects_bad_input()
    {
        await using var context = await portal.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await _journey.RunAsync(page, "nojs", () => WithoutJavaScriptAsync(page));
    }

    private async Task WithoutJavaScriptAsync(IPage page)
    {
        var start = await page.GotoAsync("/deadline");
        Assert.Equal(200, start?.Status);
        await CalculateAsync(page, "2026-02-10", "20");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/deadline\?from=2026-02-10&workingDays=20$"));
        await Expect(page.Locator("#due")).ToHaveTextAsync("2026-03-16");
        await Shoot(page, "10-deadline-nojs");

        // -5 is stopped by the browser (min="0"), so send it the way a no-JS client or a link can.
        var bad = await page.GotoAsync("/deadline?from=2026-02-10&workingDays=-5");
        Assert.NotNull(bad);
        Assert.Equal(400, bad.Status); // a field error, not a 500 or the error page
        await Expect(H1(page)).ToHaveTextAsync("截止日期计算器");
        await Expect(page.Locator("#days-error")).ToHaveTextAsync("工作日数应为0至366之间的整数");
        await Expect(page.Locator("#due")).ToHaveCountAsync(0);
        await Expect(page.Locator("#workingDays")).ToHaveValueAsync("-5"); // the input is kept for correction
        await Expect(page.Locator("#from-error")).ToHaveCountAsync(0);
        await Shoot(page, "11-deadline-bad-input");

        // axe needs JavaScript: check the page with the field error in an ordinary context. There the
        // browser itself flags -5 (min="0") before anything is sent.
        await using var withJs = await portal.NewContextAsync();
        var jsPage = await withJs.NewPageAsync();
        var again = await jsPage.GotoAsync("/deadline?from=2026-02-10&workingDays=-5");
        Assert.Equal(400, again?.Status);
        await Expect(jsPage.Locator("#days-error")).ToHaveTextAsync("工作日数应为0至366之间的整数");
        await Expect(jsPage.Locator("#workingDays:invalid")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(jsPage, "deadline calculator with a field error", output.WriteLine);
    }

    private static ILocator H1(IPage page) => Journey.H1(page);

    private static async Task CalculateAsync(IPage page, string from, string workingDays)
    {
        await page.Locator("#from").FillAsync(from);
        await page.Locator("#workingDays").FillAsync(workingDays);
        var expected = new System.Text.RegularExpressions.Regex(
            System.Text.RegularExpressions.Regex.Escape($"/deadline?from={from}&workingDays={workingDays}") + "$");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算", Exact = true }).ClickAsync();
        // Each call submits different values, so this is the new page. Polling the address (not waiting
        // for a load event that may already have fired on a busy machine) keeps this from flaking.
        await Expect(page).ToHaveURLAsync(expected);
    }

    private Task CheckPageAsync(IPage page, string shot, string name) => _journey.CheckPageAsync(page, shot, name);

    private static Task Shoot(IPage page, string name) => Journey.ShootAsync(page, name);
}

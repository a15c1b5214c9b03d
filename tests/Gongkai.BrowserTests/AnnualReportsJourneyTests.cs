using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests;

/// <summary>The 年报 column: reached from the navigation and the guide, filtered, and its report opened; axe-core on each page.</summary>
[Collection(PortalCollection.Name)]
public sealed class AnnualReportsJourneyTests(PortalServer portal, ITestOutputHelper output)
{
    private readonly Journey _journey = new(portal, output.WriteLine);

    [Fact]
    public async Task A_citizen_finds_the_districts_annual_report_from_the_navigation_and_the_guide()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await _journey.RunAsync(page, "annual-reports", () => AnnualReportsAsync(page));
    }

    private async Task AnnualReportsAsync(IPage page)
    {
        // The demo seeds the district's report on last year (Beijing time, as the server counts it).
        var lastYear = DateTime.UtcNow.AddHours(8).Year - 1;
        var title = $"明湖区人民政府{lastYear}年政府信息公开工作年度报告";

        await page.GotoAsync("/guide");
        await _journey.CheckPageAsync(page, "50-guide-index", "guide index");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "政府信息公开工作年度报告", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/annual-reports");
        await Expect(Journey.H1(page)).ToHaveTextAsync("政府信息公开工作年度报告");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "信息公开年报", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/annual-reports");
        await Expect(page.Locator("main")).ToContainTextAsync("每年1月31日前");
        await Expect(page.Locator("main")).ToContainTextAsync("每年3月31日前");
        var year = page.Locator("section.report-year", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"{lastYear}年度", Exact = true }) });
        await Expect(year.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await _journey.CheckPageAsync(page, "51-annual-reports", "annual reports");

        // Narrowed to the government, then to a body with no report yet.
        await page.GetByLabel("发布机构", new() { Exact = true }).SelectOptionAsync("gov");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/annual-reports?year=&department=gov");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/annual-reports?department=jyj");
        await Expect(page.Locator("#no-reports")).ToHaveTextAsync("没有符合条件的年度报告。");
        await _journey.CheckPageAsync(page, "52-annual-reports-none", "annual reports, none for the filter");

        await page.GotoAsync("/annual-reports");
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(Journey.H1(page)).ToHaveTextAsync(title);
        await Expect(page.Locator("table.item-meta")).ToContainTextAsync("政府信息公开工作年度报告"); // its column
        await _journey.CheckPageAsync(page, "53-annual-report-item", "an annual report");
    }
}

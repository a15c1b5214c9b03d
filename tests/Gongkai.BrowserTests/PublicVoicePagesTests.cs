using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests;

/// <summary>
/// The public-voice pages the journey does not pass through, each checked with axe-core in
/// Chromium: the statistics pages (their ECharts charts drawn as SVG, no script errors), the
/// complaint form, and the office's and the supervision staff's back-office pages.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PublicVoicePagesTests(PortalServer portal, ITestOutputHelper output)
{
    private readonly Journey _journey = new(portal, output.WriteLine);

    [Fact]
    public async Task Statistics_and_back_office_pages_render_and_pass_axe()
    {
        await using (var context = await portal.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            var console = Journey.WatchConsole(page);
            await _journey.RunAsync(page, "voice-public-pages", async () =>
            {
                await page.GotoAsync("/opinions/statistics");
                await Expect(Journey.H1(page)).ToContainTextAsync("统计");
                // The chart is drawn from the JSON island, before the table it repeats.
                await Expect(page.Locator(".chart[role=img] svg").First).ToBeVisibleAsync();
                await _journey.CheckPageAsync(page, "70-opinion-statistics", "opinions statistics (portal)");
                await page.GotoAsync("/complaints/new");
                await Expect(page.Locator("#human-question")).ToContainTextAsync("等于几");
                await _journey.CheckPageAsync(page, "71-complaint-form", "complaint form");
            });
            Assert.True(console.Count == 0, string.Join("\n", console));
        }

        await StaffAsync("bangong", "voice-office-pages", async page =>
        {
            foreach (var (url, shot) in new[]
            {
                ("/admin/cases/statistics", "72-admin-statistics"), ("/admin/cases/settings", "73-case-settings"),
                ("/admin/cases/topics", "74-case-topics"), ("/admin/open311", "75-open311-keys"),
                ("/admin/supervisors", "76-supervisors"), ("/admin/supervisors/meetings", "77-meetings"),
                ("/admin/cases/register", "78-register-case"),
            })
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(200, response!.Status);
                await _journey.CheckPageAsync(page, shot, url);
            }
        });

        await StaffAsync("jiancha", "voice-inspector-pages", async page =>
        {
            foreach (var (url, shot) in new[] { ("/admin/complaints", "79-complaints"), ("/admin/inspections", "80-inspections") })
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(200, response!.Status);
                await _journey.CheckPageAsync(page, shot, url);
            }
        });
    }

    private async Task StaffAsync(string user, string name, Func<IPage, Task> steps)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await _journey.RunAsync(page, name, async () =>
        {
            await _journey.SignInAsync(page, user, PortalServer.DemoPassword, "7x-" + user);
            await steps(page);
        });
    }
}

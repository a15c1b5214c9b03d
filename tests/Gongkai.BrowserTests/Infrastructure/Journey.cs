using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>
/// What every journey does on the way: screenshots into the test output folder, axe-core on each page
/// visited, the browser console in the test log, and waiting on conditions rather than on the clock.
/// </summary>
public sealed class Journey(PortalServer portal, Action<string> log)
{
    public static ILocator H1(IPage page) => page.Locator("main h1");

    /// <summary>The layout's flash message (TempData) after a post/redirect/get.</summary>
    public static ILocator Notice(IPage page) => page.Locator("main .notice[role=status]");

    public static async Task ShootAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalServer.ArtifactsPath, name + ".png"), FullPage = true });

    /// <summary>A screenshot, then axe-core: no serious or critical violation on the page as it is now.</summary>
    public async Task CheckPageAsync(IPage page, string shot, string name)
    {
        await ShootAsync(page, shot);
        await Accessibility.AssertNoSeriousViolationsAsync(page, name, log);
    }

    /// <summary>The page as it was when the test failed, for whoever reads the results.</summary>
    public async Task ShootOnFailureAsync(IPage page, string name)
    {
        try
        {
            await ShootAsync(page, "FAILED-" + name);
            log($"failure screenshot: {Path.Combine(PortalServer.ArtifactsPath, "FAILED-" + name + ".png")} ({page.Url})");
        }
        catch (PlaywrightException e)
        {
            log("no failure screenshot: " + e.Message);
        }
    }

    /// <summary>Runs <paramref name="steps"/> on <paramref name="page"/>, with a screenshot if they fail and the console in the log either way.</summary>
    public async Task RunAsync(IPage page, string name, Func<Task> steps)
    {
        var console = WatchConsole(page);
        try
        {
            await steps();
        }
        catch
        {
            await ShootOnFailureAsync(page, name);
            throw;
        }
        finally
        {
            lock (console)
                foreach (var line in console) log("browser console " + line);
        }
    }

    public static List<string> WatchConsole(IPage page)
    {
        var lines = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") lock (lines) lines.Add($"{m.Type}: {m.Text} ({page.Url})"); };
        page.PageError += (_, e) => { lock (lines) lines.Add($"page error: {e} ({page.Url})"); };
        return lines;
    }

    /// <summary>Signs in through the login page, checking it and the staff dashboard it lands on.</summary>
    public async Task SignInAsync(IPage page, string userName, string password, string shot)
    {
        await page.GotoAsync("/account/login");
        await CheckPageAsync(page, shot + "-login", $"login page ({userName})");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/admin");
        await Expect(H1(page)).ToHaveTextAsync("工作台");
        await CheckPageAsync(page, shot + "-dashboard", $"staff dashboard ({userName})");
    }

    /// <summary>
    /// Reloads the page until <paramref name="found"/> has a match, for what the server does in the
    /// background (the search index follows the change log). Each load counts once <paramref name="ready"/>
    /// shows (the page is there, with or without the match). Fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task<TimeSpan> ReloadUntilAsync(IPage page, ILocator ready, ILocator found, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var attempts = 1;
        while (true)
        {
            await Expect(ready).ToBeVisibleAsync();
            if (await found.CountAsync() > 0) break;
            if (clock.Elapsed > timeout)
                Assert.Fail($"{what}: not there after {attempts} loads in {clock.Elapsed.TotalSeconds:F1} s ({page.Url})");
            // A short pause between tries so as not to hammer the server; the loop ends as soon as it is there.
            await page.WaitForTimeoutAsync(100);
            await page.ReloadAsync();
            attempts++;
        }
        log($"{what}: there after {attempts} load(s), {clock.Elapsed.TotalMilliseconds:F0} ms");
        return clock.Elapsed;
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests;

/// <summary>
/// Issue 6's journey: a citizen writes a letter on /opinions/new (solving the human check as a
/// person would, reading the question), the office (bangong) assigns it to the education bureau,
/// the bureau's editor (xinxiyuan) accepts and answers, its reviewer (shenheren) approves, the office
/// approves, which sends the answer, and publishes it; the citizen tracks it with code and key and
/// rates it, and finds it among the published answers. axe-core on every page visited.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PublicVoiceJourneyTests(PortalServer portal, ITestOutputHelper output)
{
    private const string Title = "明湖路第一小学门口早晚高峰交通拥堵";
    private const string Content = "每天早上七点半到八点，学校门口家长接送车辆占道停放，公交车无法进站，希望增派交警疏导或设置临时停车区。";
    private const string Answer = "经与交警部门会商，已在学校东侧设置临时停车区，上学时段安排交通协管员疏导。";

    private readonly Journey _journey = new(portal, output.WriteLine);

    [Fact]
    public async Task Citizen_writes_departments_answer_office_publishes_citizen_rates()
    {
        await using var citizenContext = await portal.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        var (code, key) = ("", "");
        await _journey.RunAsync(citizen, "voice-citizen-writes", async () => (code, key) = await WriteAsync(citizen));

        long id = 0;
        await using (var officeContext = await portal.NewContextAsync())
        {
            var office = await officeContext.NewPageAsync();
            await _journey.RunAsync(office, "voice-office-assigns", async () => id = await AssignAsync(office, code));
        }
        await StaffAsync("xinxiyuan", "voice-editor", async page =>
        {
            await page.GotoAsync("/admin/cases");
            await page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
            await Expect(page.Locator("#status")).ToContainTextAsync("待签收");
            await page.Locator("#accept").GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
            await Expect(Journey.Notice(page)).ToContainTextAsync("已签收");
            await page.Locator("#answer-form").GetByLabel("答复内容（必填）", new() { Exact = true }).FillAsync(Answer);
            await _journey.CheckPageAsync(page, "63-editor-answer", "case detail, answering");
            await page.Locator("#answer-form").GetByRole(AriaRole.Button, new() { Name = "保存答复", Exact = true }).ClickAsync();
            await Expect(Journey.Notice(page)).ToContainTextAsync("等待审核");
            await Expect(page.Locator("#status")).ToContainTextAsync("待审核");
        });
        await StaffAsync("shenheren", "voice-reviewer", async page =>
        {
            await page.GotoAsync($"/admin/cases/{id}");
            await Expect(page.Locator("#answer-body")).ToContainTextAsync(Answer);
            await _journey.CheckPageAsync(page, "64-reviewer", "case detail, department review");
            await page.Locator("#approve").GetByRole(AriaRole.Button, new() { Name = "审核通过", Exact = true }).ClickAsync();
            await Expect(Journey.Notice(page)).ToContainTextAsync("等待公开办审核");
        });
        await StaffAsync("bangong", "voice-office-sends", async page =>
        {
            await page.GotoAsync($"/admin/cases/{id}");
            await page.Locator("#approve").GetByRole(AriaRole.Button, new() { Name = "审核通过", Exact = true }).ClickAsync();
            await Expect(Journey.Notice(page)).ToContainTextAsync("答复已发送给来信人");
            await Expect(page.Locator("#status")).ToContainTextAsync("已答复");
            var publish = page.Locator("#publish");
            await Expect(publish.GetByLabel("公开标题", new() { Exact = true })).ToHaveValueAsync(Title);
            await Expect(publish.GetByLabel("公开的答复", new() { Exact = true })).ToHaveValueAsync(Answer);
            await publish.GetByLabel("我已确认：以上内容不含个人信息，公开后所有人都能看到").CheckAsync();
            await _journey.CheckPageAsync(page, "65-office-publish", "case detail, publishing");
            await publish.GetByRole(AriaRole.Button, new() { Name = "公开", Exact = true }).ClickAsync();
            await Expect(Journey.Notice(page)).ToContainTextAsync("问答已公开");
            await Expect(page.Locator("#published")).ToContainTextAsync(Title);
        });
        await _journey.RunAsync(citizen, "voice-citizen-rates", () => RateAsync(citizen, code, key));
    }

    private async Task StaffAsync(string user, string name, Func<IPage, Task> steps)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await _journey.RunAsync(page, name, async () =>
        {
            await _journey.SignInAsync(page, user, PortalServer.DemoPassword, "6x-" + user);
            await steps(page);
        });
    }

    private async Task<(string Code, string Key)> WriteAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("header.site-header").GetByRole(AriaRole.Link, new() { Name = "我要写信", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/opinions/new");
        var opened = Stopwatch.StartNew();
        await Expect(Journey.H1(page)).ToHaveTextAsync("我要写信");
        await _journey.CheckPageAsync(page, "60-opinion-form", "opinion form");

        await page.GetByLabel("标题（必填）", new() { Exact = true }).FillAsync(Title);
        await page.GetByLabel("类别", new() { Exact = true }).SelectOptionAsync("traffic");
        await page.GetByLabel("内容（必填）", new() { Exact = true }).FillAsync(Content);
        await page.GetByLabel("同意公开问答").CheckAsync();
        // 先查一查: nothing is published about it yet; the form comes back with everything typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "先查一查", Exact = true }).ClickAsync();
        await Expect(page.Locator("#similar-result")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("内容（必填）", new() { Exact = true })).ToHaveValueAsync(Content);
        await _journey.CheckPageAsync(page, "61-opinion-checked", "opinion form after checking first");

        // The human check: read the question and answer it, as a person would.
        var question = (await page.Locator("#human-question").TextContentAsync())!.Trim();
        await page.Locator("#Input_Answer").FillAsync(Solve(question).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The form refuses what comes back within 3 s of serving it (a robot's speed): a person takes longer.
        var wait = TimeSpan.FromSeconds(3.5) - opened.Elapsed;
        if (wait > TimeSpan.Zero) await page.WaitForTimeoutAsync((float)wait.TotalMilliseconds);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/opinions/submitted");
        await Expect(Journey.H1(page)).ToHaveTextAsync("来信已提交");
        var code = (await page.Locator("#tracking-code").TextContentAsync())!.Trim();
        var key = (await page.Locator("#access-key").TextContentAsync())!.Trim();
        Assert.Matches(@"^MY\d{4}-", code);
        await _journey.CheckPageAsync(page, "62-opinion-receipt", "opinion receipt");

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度", Exact = true }).ClickAsync();
        await TrackAsync(page, code, key);
        await Expect(page.Locator("#status")).ToHaveTextAsync("待分办");
        await _journey.CheckPageAsync(page, "62-opinion-track", "opinion tracking page, received");
        return (code, key);
    }

    private async Task<long> AssignAsync(IPage page, string code)
    {
        await _journey.SignInAsync(page, "bangong", PortalServer.DemoPassword, "6x-bangong");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "后台导航" }).GetByRole(AriaRole.Link, new() { Name = "民生民意", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/admin/cases");
        await _journey.CheckPageAsync(page, "62-cases", "staff case list");
        await page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/cases/\d+$"));
        var id = long.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator("#content")).ToContainTextAsync(Content);
        await Expect(page.Locator("#topic")).ToHaveTextAsync("交通出行");
        await _journey.CheckPageAsync(page, "62-case", "case detail, received");
        var assign = page.Locator("#assign");
        await assign.GetByLabel("主办部门（必填）", new() { Exact = true }).SelectOptionAsync("jyj");
        await assign.GetByRole(AriaRole.Button, new() { Name = "分办", Exact = true }).ClickAsync();
        await Expect(Journey.Notice(page)).ToContainTextAsync("已分办");
        await Expect(page.Locator("#status")).ToContainTextAsync("待签收");
        return id;
    }

    private async Task RateAsync(IPage page, string code, string key)
    {
        await page.GotoAsync($"/opinions/track?code={code}");
        await TrackAsync(page, code, key);
        await Expect(page.Locator("#status")).ToHaveTextAsync("已答复");
        await Expect(page.Locator("#answer-text")).ToContainTextAsync(Answer);
        await _journey.CheckPageAsync(page, "66-track-answered", "tracking page with the answer");
        var rate = page.Locator("#rate-form");
        await rate.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await rate.GetByLabel("意见（可不填）", new() { Exact = true }).FillAsync("处理及时，谢谢。");
        await rate.GetByRole(AriaRole.Button, new() { Name = "提交评价", Exact = true }).ClickAsync();
        await Expect(page.Locator("#done")).ToHaveTextAsync("感谢您的评价。");
        await Expect(page.Locator("#rating")).ToHaveTextAsync("满意");
        await _journey.CheckPageAsync(page, "67-track-rated", "tracking page, rated");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看公开的问答", Exact = true }).ClickAsync();
        await Expect(Journey.H1(page)).ToHaveTextAsync(Title);
        await Expect(page.Locator("#answer")).ToContainTextAsync(Answer);
        await _journey.CheckPageAsync(page, "68-published-answer", "published answer");
        await page.GetByRole(AriaRole.Link, new() { Name = "« 返回民生民意", Exact = true }).ClickAsync();
        await Expect(page.Locator("#published")).ToContainTextAsync(Title);
        await _journey.CheckPageAsync(page, "69-published-list", "published answers");
    }

    private static async Task TrackAsync(IPage page, string code, string key)
    {
        await page.GetByLabel("查询码", new() { Exact = true }).FillAsync(code);
        await page.GetByLabel("查询密钥", new() { Exact = true }).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(Journey.H1(page)).ToHaveTextAsync("办理进度");
    }

    /// <summary>“七加五等于几？” → 12.</summary>
    private static int Solve(string question)
    {
        var m = Regex.Match(question, "^(.)(加|减)(.)等于几？$");
        Assert.True(m.Success, $"unexpected question “{question}”");
        const string digits = "零一二三四五六七八九十";
        var a = digits.IndexOf(m.Groups[1].Value, StringComparison.Ordinal);
        var b = digits.IndexOf(m.Groups[3].Value, StringComparison.Ordinal);
        return m.Groups[2].Value == "加" ? a + b : a - b;
    }
}

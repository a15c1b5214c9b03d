using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests;

/// <summary>
/// Issue 4's journey: a citizen applies online (checking first whether the information is already
/// published) and keeps the receipt; the education bureau's editor asks for a correction; the
/// citizen sees the clock stopped and the correction deadline on the tracking page; the editor
/// records the corrected application and replies 部分公开; the citizen sees the new due date with
/// its reason, and the reply. axe-core on every page visited, staff pages included. The server
/// runs on the real clock, so every date is today's (Beijing time).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ApplicationJourneyTests(PortalServer portal, ITestOutputHelper output)
{
    /// <summary>Its first part is the title of a demo item: checking first finds it.</summary>
    private const string Description = "2026年明湖区义务教育阶段学校招生入学工作方案，以及明湖区第一中学的分学区招生计划";
    private const string Published = "2026年明湖区义务教育阶段学校招生入学工作方案";
    private const string ReplyText = "招生入学工作方案已主动公开；第一中学分学区招生计划中涉及学生个人信息的部分不予公开，其余予以公开，见附件。";

    private readonly Journey _journey = new(portal, output.WriteLine);
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Citizen_applies_staff_ask_for_a_correction_and_reply_partially_citizen_follows_it()
    {
        await using var citizenContext = await portal.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        await using var staffContext = await portal.NewContextAsync();
        var staff = await staffContext.NewPageAsync();

        var (code, key) = ("", "");
        await _journey.RunAsync(citizen, "citizen-applies", async () => (code, key) = await ApplyAsync(citizen));
        long id = 0;
        await _journey.RunAsync(staff, "staff-correction", async () => id = await AskForCorrectionAsync(staff, code));
        await _journey.RunAsync(citizen, "citizen-waits", () => SeesCorrectionAsync(citizen, code, key));
        string due = "";
        await _journey.RunAsync(staff, "staff-reply", async () => due = await CorrectAndReplyAsync(staff, id));
        await _journey.RunAsync(citizen, "citizen-reply", () => SeesReplyAsync(citizen, code, key, due));
    }

    private async Task<(string Code, string Key)> ApplyAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("header.site-header").GetByRole(AriaRole.Link, new() { Name = "申请公开", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/apply");
        await Expect(Journey.H1(page)).ToHaveTextAsync("申请政府信息公开");
        await _journey.CheckPageAsync(page, "40-apply", "application form");

        await page.GetByLabel("申请人类型（必填）", new() { Exact = true }).SelectOptionAsync("natural-person");
        await page.GetByLabel("姓名或名称（必填）", new() { Exact = true }).FillAsync("王五");
        await page.GetByLabel("身份证件号码（自然人必填）", new() { Exact = true }).FillAsync("110101198807086666");
        await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync("13698765432");
        await page.GetByLabel("所需政府信息的名称或内容描述（必填）", new() { Exact = true }).FillAsync(Description);
        await page.GetByLabel("承办部门（必填）", new() { Exact = true }).SelectOptionAsync("jyj");
        await page.GetByLabel("获取信息的形式（必填）", new() { Exact = true }).SelectOptionAsync("电子文档");
        await page.GetByLabel("获取信息的途径（必填）", new() { Exact = true }).SelectOptionAsync("当面领取");

        // 先查一查: the form comes back with what may already be published, and keeps what was typed.
        // The search index follows the change log in the background: ask again until it has the demo items.
        var found = page.Locator("#suggestions-result").GetByRole(AriaRole.Link, new() { Name = Published });
        for (var attempt = 0; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "先查一查", Exact = true }).ClickAsync();
            await Expect(page.Locator("#suggestions-result")).ToBeVisibleAsync();
            if (await found.CountAsync() > 0) break;
            Assert.True(attempt < 60, "the published item was never suggested");
            await page.WaitForTimeoutAsync(500);
        }
        await Expect(found).ToHaveAttributeAsync("target", "_blank");

        // With the script, the list follows the description as it is typed, without the button.
        var description = page.GetByLabel("所需政府信息的名称或内容描述（必填）", new() { Exact = true });
        await description.FillAsync("火星基地建设规划");
        await Expect(page.Locator("#suggestions-result")).ToContainTextAsync("没有找到相关的已公开信息");
        await description.FillAsync(Description);
        await Expect(found).ToBeVisibleAsync();
        await Expect(page.GetByLabel("姓名或名称（必填）", new() { Exact = true })).ToHaveValueAsync("王五");
        await Expect(page.GetByLabel("承办部门（必填）", new() { Exact = true })).ToHaveValueAsync("jyj");
        await _journey.CheckPageAsync(page, "41-apply-checked", "application form after checking first");

        // Submitting without acknowledging the privacy notice: the browser's own check stops it first;
        // the server's check is covered by the integration tests.
        await page.GetByLabel("我已阅读上述说明，确认所填内容真实").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/apply/submitted");
        await Expect(Journey.H1(page)).ToHaveTextAsync("申请已提交");
        var code = (await page.Locator("#tracking-code").TextContentAsync())!.Trim();
        var key = (await page.Locator("#access-key").TextContentAsync())!.Trim();
        Assert.Matches(@"^YS\d{4}-[2-9A-HJKMNP-Z]{8}$", code);
        await Expect(page.Locator("#received-on")).ToHaveTextAsync(Chinese(Today));
        await Expect(page.Locator("#key-warning")).ToContainTextAsync("查询密钥只显示这一次");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印回执" })).ToBeVisibleAsync(); // shown by the script
        await _journey.CheckPageAsync(page, "42-receipt", "receipt");

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("查询码", new() { Exact = true })).ToHaveValueAsync(code);
        await TrackAsync(page, code, key);
        await Expect(page.Locator("#status")).ToContainTextAsync("待受理");
        await Expect(page.Locator("#due-reason")).ToContainTextAsync("第三十三条第二款");
        await _journey.CheckPageAsync(page, "43-track-received", "tracking page, received");
        return (code, key);
    }

    private async Task<long> AskForCorrectionAsync(IPage page, string code)
    {
        await _journey.SignInAsync(page, "xinxiyuan", PortalServer.DemoPassword, "44-staff");
        await Expect(page.Locator("#applications-panel")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "后台导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/admin/applications");
        await _journey.CheckPageAsync(page, "45-inbox", "staff inbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记申请", Exact = true }).ClickAsync();
        await Expect(Journey.H1(page)).ToHaveTextAsync("登记申请");
        await _journey.CheckPageAsync(page, "45-register", "registration form");
        await page.GetByRole(AriaRole.Link, new() { Name = "« 返回申请列表", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/applications/\d+$"));
        var id = long.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator("#id-number")).ToHaveTextAsync("1101**********6666");
        await _journey.CheckPageAsync(page, "46-detail", "application detail");

        var form = page.Locator("#correction");
        await form.GetByLabel("补正期限", new() { Exact = true }).FillAsync(Iso(Today.AddDays(10)));
        await form.GetByLabel("我已确认：补正只能一次性告知，告知后答复期限中止").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "登记补正告知", Exact = true }).ClickAsync();
        await Expect(Journey.Notice(page)).ToContainTextAsync("答复期限中止");
        await Expect(page.Locator("#due-on")).ToHaveTextAsync("中止（等待补正）");
        await _journey.CheckPageAsync(page, "47-detail-correction", "detail awaiting correction");
        return id;
    }

    private async Task SeesCorrectionAsync(IPage page, string code, string key)
    {
        await page.GotoAsync($"/apply/track?code={code}");
        await TrackAsync(page, code, key);
        await Expect(page.Locator("#due-on")).ToContainTextAsync("中止：等待补正");
        await Expect(page.Locator("#correction-deadline")).ToContainTextAsync(Chinese(Today.AddDays(10)));
        await Expect(page.Locator("#history")).ToContainTextAsync("告知补正");
        await _journey.CheckPageAsync(page, "48-track-correction", "tracking page, awaiting correction");
    }

    private async Task<string> CorrectAndReplyAsync(IPage page, long id)
    {
        await page.GotoAsync($"/admin/applications/{id}");
        await page.Locator("#corrected").GetByRole(AriaRole.Button, new() { Name = "登记收到补正", Exact = true }).ClickAsync();
        await Expect(Journey.Notice(page)).ToContainTextAsync("当前答复期限");
        var due = (await page.Locator("#due-on").TextContentAsync())!.Trim();
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", due);
        await Expect(page.Locator("#due-reason")).ToContainTextAsync("重新计算");

        var form = page.Locator("#reply-form");
        await form.GetByLabel("办理结果", new() { Exact = true }).SelectOptionAsync("partial");
        await form.GetByLabel("答复内容", new() { Exact = true }).FillAsync(ReplyText);
        await form.GetByLabel("我已确认：答复登记后不能修改，并计入年度报告").CheckAsync();
        await _journey.CheckPageAsync(page, "49-detail-reply-form", "detail with the reply filled in");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记答复", Exact = true }).ClickAsync();
        await Expect(Journey.Notice(page)).ToContainTextAsync("已登记答复：部分公开");
        await Expect(page.Locator("#outcome")).ToContainTextAsync("部分公开");
        await _journey.CheckPageAsync(page, "50-detail-replied", "replied application");
        return due;
    }

    private async Task SeesReplyAsync(IPage page, string code, string key, string due)
    {
        await page.GotoAsync($"/apply/track?code={code}");
        await TrackAsync(page, code, key);
        await Expect(page.Locator("#status")).ToContainTextAsync("已答复");
        await Expect(page.Locator("#due-on")).ToContainTextAsync(due);
        await Expect(page.Locator("#history")).ToContainTextAsync("收到补正");
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("部分公开");
        await Expect(page.Locator("#reply-text")).ToContainTextAsync(ReplyText);
        await _journey.CheckPageAsync(page, "51-track-replied", "tracking page with the reply");

        // The citizen downloads the reply letter (告知书) as PDF: a real PDF with a Chinese file name.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载 PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await using var pdf = await download.CreateReadStreamAsync();
        var head = new byte[5];
        await pdf.ReadExactlyAsync(head);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
    }

    private static async Task TrackAsync(IPage page, string code, string key)
    {
        await page.GetByLabel("查询码", new() { Exact = true }).FillAsync(code);
        await page.GetByLabel("查询密钥", new() { Exact = true }).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(Journey.H1(page)).ToHaveTextAsync("申请办理进度");
    }

    private static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests;

/// <summary>
/// Issue 3's journey: an editor of 区教育局 drafts an item with a Word attachment through the staff
/// pages and submits it; the department's reviewer approves it (索引号 given); a citizen with no
/// cookies finds it by a 2-character word that only the attachment contains, opens it, changes the
/// font size with the mouse and the keyboard, sees the QR code and downloads the attachment.
/// axe-core on every page visited, staff pages included.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class PublishingJourneyTests(PortalServer portal, ITestOutputHelper output) : IDisposable
{
    /// <summary>In the attachment only (not the title, body or any demo item): the search must read the attachment's text.</summary>
    private const string Word = "研学";
    private const string Title = "明湖区教育局关于做好2026年秋季学期课后服务工作的通知";
    private const string FileName = "课后服务实施细则.docx";

    private readonly Journey _journey = new(portal, output.WriteLine);
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-journey-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Editor_drafts_with_an_attachment_reviewer_approves_citizen_finds_reads_and_downloads_it()
    {
        var attachment = Path.Combine(_folder, FileName);
        WriteDocx(attachment,
            "明湖区教育局2026年秋季学期课后服务实施细则",
            "一、课后服务时间为每个上课日下午放学后至17时30分，学生自愿参加。",
            $"二、各校可结合实际组织学生开展{Word}实践、科普阅读和体育锻炼等活动。",
            "三、课后服务不得进行集体补课，不得讲授新课。");

        // The editor drafts, attaches and submits.
        long id;
        await using (var editorContext = await portal.NewContextAsync())
        {
            var editor = await editorContext.NewPageAsync();
            id = 0;
            await _journey.RunAsync(editor, "editor", async () => id = await EditorAsync(editor, attachment));
        }

        // The reviewer of the same department approves it.
        string indexNumber = "";
        await using (var reviewerContext = await portal.NewContextAsync())
        {
            var reviewer = await reviewerContext.NewPageAsync();
            await _journey.RunAsync(reviewer, "reviewer", async () => indexNumber = await ReviewerAsync(reviewer, id));
        }

        // A citizen in a fresh browser context finds and reads it.
        await using var citizenContext = await portal.NewContextAsync();
        Assert.Empty(await citizenContext.CookiesAsync());
        var citizen = await citizenContext.NewPageAsync();
        await _journey.RunAsync(citizen, "citizen", () => CitizenAsync(citizen, id, indexNumber, attachment));
    }

    private async Task<long> EditorAsync(IPage page, string attachment)
    {
        await _journey.SignInAsync(page, "xinxiyuan", PortalServer.DemoPassword, "20-editor");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "后台导航" }).GetByRole(AriaRole.Link, new() { Name = "信息发布", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/admin/items");
        await Expect(Journey.H1(page)).ToHaveTextAsync("信息发布");
        await _journey.CheckPageAsync(page, "21-editor-items", "editor's item list");

        await page.GetByRole(AriaRole.Link, new() { Name = "新建信息", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/admin/items/new");
        await Expect(Journey.H1(page)).ToHaveTextAsync("新建信息");
        // An editor publishes for their own department only: it is shown, not chosen.
        await Expect(page.Locator("#Input_Department")).ToHaveValueAsync("区教育局");
        await _journey.CheckPageAsync(page, "22-editor-new-item", "new item form");

        await page.GetByLabel("标题（必填）", new() { Exact = true }).FillAsync(Title);
        await page.GetByLabel("文号", new() { Exact = true }).FillAsync("明教发〔2026〕31号");
        await page.GetByLabel("公开目录（必填）", new() { Exact = true }).SelectOptionAsync("jc-ywjy"); // 义务教育
        await page.GetByLabel("主题分类", new() { Exact = true }).SelectOptionAsync("t11-02"); // 科技、教育 › 教育
        await page.GetByLabel("关键词", new() { Exact = true }).FillAsync("课后服务 义务教育");
        await page.GetByLabel("内容概述", new() { Exact = true }).FillAsync("部署2026年秋季学期义务教育阶段学校课后服务工作。");
        await page.GetByLabel("正文（必填）", new() { Exact = true }).FillAsync(
            "<p>各中小学校：</p><p>现将《明湖区教育局2026年秋季学期课后服务实施细则》印发给你们，请认真组织实施。</p>");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/items/\d+$"));
        var id = long.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);
        await Expect(Journey.Notice(page)).ToHaveTextAsync($"草稿“{Title}”已保存。");
        await Expect(page.Locator("#item-state")).ToHaveTextAsync("草稿");
        await _journey.CheckPageAsync(page, "23-editor-draft", "saved draft");

        // The attachment: a real Word file whose text the server extracts for search and the personal-data check.
        await page.GetByLabel("上传附件", new() { Exact = true }).SetInputFilesAsync(attachment);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        var row = page.Locator("#attachment-list tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = FileName, Exact = true })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(new Regex(@"[1-9]\d* 字")); // text was extracted
        await _journey.CheckPageAsync(page, "24-editor-attachment", "draft with its attachment");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核", Exact = true }).ClickAsync();
        await Expect(Journey.Notice(page)).ToHaveTextAsync("已提交审核。");
        await Expect(page.Locator("#item-state")).ToHaveTextAsync("待审核");
        await Expect(page.Locator("#upload-form")).ToHaveCountAsync(0); // no more changes once submitted
        await _journey.CheckPageAsync(page, "25-editor-submitted", "submitted item");
        return id;
    }

    private async Task<string> ReviewerAsync(IPage page, long id)
    {
        await _journey.SignInAsync(page, "shenheren", PortalServer.DemoPassword, "30-reviewer");
        await page.GotoAsync("/admin/items?state=Submitted");
        await _journey.CheckPageAsync(page, "33-reviewer-submitted-items", "reviewer's list of submitted items");
        await page.Locator("#items").GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{portal.BaseUrl}/admin/items/{id}");
        await Expect(page.Locator("#item-state")).ToHaveTextAsync("待审核");
        await Expect(page.Locator("#attachment-list").GetByRole(AriaRole.Link, new() { Name = FileName, Exact = true })).ToBeVisibleAsync();
        await _journey.CheckPageAsync(page, "34-reviewer-item", "item awaiting review");

        var approve = page.Locator("#approve-form");
        await approve.GetByLabel("我已确认审核通过").CheckAsync();
        await approve.GetByRole(AriaRole.Button, new() { Name = "审核通过并发布", Exact = true }).ClickAsync();
        await Expect(Journey.Notice(page)).ToHaveTextAsync(new Regex("^已审核通过并发布，索引号 .+。$"));
        var notice = await Journey.Notice(page).InnerTextAsync();
        var indexNumber = IndexNumberInNotice().Match(notice).Groups[1].Value;
        // The default template: the department's 统一社会信用代码 / year - sequence.
        Assert.Matches(@"^[0-9A-Z]{18}/\d{4}-\d{5}$", indexNumber);
        await Expect(page.Locator("#item-state")).ToHaveTextAsync("已发布");
        await Expect(page.Locator("#item-status")).ToContainTextAsync(indexNumber);
        await _journey.CheckPageAsync(page, "35-reviewer-published", "published item (staff view)");
        return indexNumber;
    }

    [GeneratedRegex("索引号 (\\S+)。")]
    private static partial Regex IndexNumberInNotice();

    private async Task CitizenAsync(IPage page, long id, string indexNumber, string attachment)
    {
        await page.GotoAsync("/");
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync(); // among the latest
        await _journey.CheckPageAsync(page, "40-citizen-home", "portal home with the new item");

        // Search by the 2-character word. The index follows the change log in the background
        // (within a second): reload the results until the item is there.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "信息检索", Exact = true }).ClickAsync();
        await Expect(Journey.H1(page)).ToHaveTextAsync("信息检索");
        await _journey.CheckPageAsync(page, "41-citizen-search", "search page");
        await page.GetByLabel("关键词", new() { Exact = true }).FillAsync(Word);
        await page.GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=" + Regex.Escape(Uri.EscapeDataString(Word)) + "$"));
        var hits = page.Locator(".search-hit");
        var took = await _journey.ReloadUntilAsync(page, page.Locator("main p[role=status]"), hits, TimeSpan.FromSeconds(20), $"search hit for “{Word}”");
        await Expect(page.Locator("main p[role=status]")).ToHaveTextAsync("共找到 1 条信息。"); // no other item has the word
        await Expect(hits).ToHaveCountAsync(1);
        var hit = hits.First;
        await Expect(hit.GetByRole(AriaRole.Link)).ToHaveTextAsync(Title);
        await Expect(hit.Locator("mark")).ToHaveTextAsync(Word); // the snippet is from the attachment, highlighted
        await Expect(hit).ToContainTextAsync(indexNumber);
        output.WriteLine($"indexed and found {took.TotalMilliseconds:F0} ms after the first search");
        await _journey.CheckPageAsync(page, "42-citizen-results", "search results");

        // The item page.
        await hit.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{portal.BaseUrl}/items/{id}");
        await Expect(Journey.H1(page)).ToHaveTextAsync(Title);
        var meta = page.Locator("table.item-meta");
        await Expect(meta.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "索引号" }) })).ToContainTextAsync(indexNumber);
        await Expect(meta).ToContainTextAsync("明教发〔2026〕31号");
        await Expect(meta).ToContainTextAsync("区教育局");
        await _journey.CheckPageAsync(page, "43-citizen-item", "item page");

        await FontSizesAsync(page, id);
        await QrCodeAsync(page, id);
        await DownloadAsync(page, attachment);
    }

    /// <summary>大 with the mouse; then 小 and 中 with the keyboard only (Tab to reach them, Enter to follow).</summary>
    private async Task FontSizesAsync(IPage page, long id)
    {
        // Computed styles are read once the page (and its stylesheet) has loaded.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var body = page.Locator(".item-body");
        async Task<double> FontSize() => double.Parse(
            (await body.EvaluateAsync<string>("e => getComputedStyle(e).fontSize")).Replace("px", ""), CultureInfo.InvariantCulture);
        var medium = await FontSize();

        await page.GetByRole(AriaRole.Link, new() { Name = "大号字", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{portal.BaseUrl}/items/{id}?font=large");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(page.Locator("body")).ToHaveClassAsync(new Regex(@"\bfont-large\b"));
        var large = await FontSize();
        Assert.True(large > medium, $"大: {large}px, not larger than the usual {medium}px");
        await _journey.CheckPageAsync(page, "44-citizen-item-large", "item page in large print");

        // From the top of the freshly loaded page, Tab until the font controls have the focus: they are in the tab order.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "大号字", Exact = true }), "the 大 font-size link");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "中号字", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "小号字", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync($"{portal.BaseUrl}/items/{id}?font=small");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var small = await FontSize();
        Assert.True(small < medium, $"小: {small}px, not smaller than the usual {medium}px");
        await _journey.CheckPageAsync(page, "45-citizen-item-small", "item page in small print");

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "中号字", Exact = true }), "the 中 font-size link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync($"{portal.BaseUrl}/items/{id}?font=medium");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(medium, await FontSize());
        await _journey.CheckPageAsync(page, "46-citizen-item-medium", "item page in the usual print");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 80 times).</summary>
    private static async Task TabToAsync(IPage page, ILocator target, string what)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"80 presses of Tab never reached {what}: it is not in the keyboard's tab order");
    }

    private async Task QrCodeAsync(IPage page, long id)
    {
        var qr = page.Locator("section.qr img");
        await Expect(qr).ToBeVisibleAsync();
        await Expect(qr).ToHaveAttributeAsync("alt", new Regex($"/items/{id}$"));
        // Loaded and decoded: a broken image has a natural width of 0.
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await qr.ElementHandleAsync());
        var width = await qr.EvaluateAsync<int>("img => img.naturalWidth");
        Assert.True(width > 0);
        output.WriteLine($"QR code: natural width {width}px");
    }

    private async Task DownloadAsync(IPage page, string attachment)
    {
        var section = page.Locator("section[aria-labelledby=att]");
        await Expect(section.GetByRole(AriaRole.Heading, new() { Name = "附件" })).ToBeVisibleAsync();
        var link = section.GetByRole(AriaRole.Link, new() { Name = FileName, Exact = true });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(FileName, download.SuggestedFilename); // the Chinese file name survives (RFC 6266 filename*)
        var saved = Path.Combine(_folder, "downloaded.docx");
        await download.SaveAsAsync(saved);
        Assert.Null(await download.FailureAsync());
        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(attachment)), SHA256.HashData(await File.ReadAllBytesAsync(saved)));
    }

    /// <summary>A minimal Word document, one paragraph per line.</summary>
    private static void WriteDocx(string path, params string[] lines)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(lines.Select(line =>
            new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })))));
        main.Document.Save();
    }
}

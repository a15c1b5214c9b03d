using System.Text.RegularExpressions;
using Gongkai.Features.Documents;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Gongkai.Tests.Documents;

/// <summary>The PDFs, read back with PdfPig (text, fonts, positions) and rendered with pdftoppm.</summary>
public sealed partial class PdfWriterTests
{
    private const double Mm = 72 / 25.4;
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 1, 30, 0, TimeSpan.Zero));

    internal static PdfWriter Writer() => new(new DocumentFonts(new DocumentOptions(), FontCandidates.System), Clock);

    private static PdfDocument Open(byte[] pdf, string artifact)
    {
        Artifacts.Save(artifact, pdf);
        return PdfDocument.Open(pdf);
    }

    /// <summary>The page's text with spaces dropped and its page number ("— n —") taken out.</summary>
    private static string BodyText(Page page) => PageNumber().Replace(Regex.Replace(page.Text, @"\s", ""), "");

    [GeneratedRegex("—\\d+—")]
    private static partial Regex PageNumber();

    [Fact]
    public void The_chinese_text_reads_back_exactly()
    {
        using var pdf = Open(Writer().Write(SampleDocuments.ReplyLetter()), "reply-letter.pdf");
        Assert.Equal(SampleDocuments.LetterText(), string.Concat(pdf.GetPages().Select(BodyText)));
        Assert.Equal("明湖区人民政府办公室 政府信息公开申请答复告知书", pdf.Information.Title);
        Assert.StartsWith("D:20261127", pdf.Information.CreationDate);
    }

    [Fact]
    public void Pages_are_A4_and_text_stays_inside_the_margins()
    {
        var document = new OfficialDocument("关于做好政务公开工作的通知") { Recipient = "各街道办事处、镇人民政府，区政府各部门：" };
        for (var i = 1; i <= 40; i++)
            document.Paragraph($"第{i}段：政府信息公开工作坚持以公开为常态、不公开为例外，遵循公正、公平、合法、便民的原则。行政机关应当及时、准确地公开政府信息，发现影响或者可能影响社会稳定的虚假信息，应当发布准确的政府信息予以澄清（依据第六条）。");
        document.SignedBy("明湖区人民政府", new DateOnly(2026, 3, 5));
        using var pdf = Open(Writer().Write(document), "margins.pdf");

        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
            var body = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && !IsPageNumber(page, l)).ToList();
            Assert.NotEmpty(body);
            Assert.All(body, l =>
            {
                Assert.InRange(l.BoundingBox.Left, 28 * Mm - 0.5, page.Width - 26 * Mm + 0.5);
                Assert.InRange(l.BoundingBox.Top, 35 * Mm, page.Height - 37 * Mm + 0.5); // PDF y grows upwards
            });
            Assert.All(body, l => Assert.Contains(Math.Round(l.PointSize), new[] { 16.0, 22.0 })); // body, title
        }
    }

    [Fact]
    public void No_line_starts_with_closing_punctuation_and_lines_are_28_95_pt_apart()
    {
        // Text built so that plain breaking at 27 characters would put "，" or "。" first on a line.
        var text = string.Concat(Enumerable.Range(0, 30).Select(i => new string('政', 26 + i % 3) + "，" + (i % 2 == 0 ? "公开。" : "")));
        using var pdf = Open(Writer().Write(new OfficialDocument("测试").Paragraph(text)), "line-breaking.pdf");

        var lines = Lines(pdf).Where(l => l.Letters[0].PointSize < 17).ToList();
        Assert.True(lines.Count > 20);
        Assert.Equal(text, string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.False(ChineseText.CannotStartLine(l.Text[0]), $"line starts with {l.Text[0]}: {l.Text}"));
        var pitches = lines.Zip(lines.Skip(1)).Where(p => p.First.Page == p.Second.Page).Select(p => p.First.Y - p.Second.Y).ToList();
        Assert.All(pitches, p => Assert.Equal(28.95, p, 0.2));
        // A full line holds 27 characters of 16 pt in the 156 mm text width, a first line 25 after its indent.
        Assert.All(lines.SkipLast(1).Skip(1), l => Assert.InRange(l.Text.Length, 26, 28));
    }

    [Fact]
    public void Roles_use_their_faces_and_page_numbers_alternate_sides()
    {
        var document = SampleDocuments.ReplyLetter().PageBreak().Paragraph("第二页正文。").PageBreak().Paragraph("第三页正文。");
        using var pdf = Open(Writer().Write(document), "faces.pdf");
        var first = pdf.GetPage(1);

        var lines = Lines(pdf).Where(l => l.Page == 1).GroupBy(l => l.Text).ToDictionary(g => g.Key, g => g.First());
        string FontOf(string line) => Assert.Single(lines[line].Letters.Select(l => l.FontName!).Distinct());
        Assert.Contains("Zen Hei", FontOf("明湖区人民政府办公室"));     // title: the 黑体 face
        Assert.Equal(22, lines["明湖区人民政府办公室"].Letters[0].PointSize, 1);
        Assert.Contains("UMing", FontOf("明政办公开告〔2026〕12号")); // 宋/仿宋 face
        Assert.Contains("UMing", FontOf("张三："));
        Assert.Contains("Zen Hei", FontOf("一、答复内容"));            // 黑体
        Assert.Contains("UKai", FontOf("（一）予以公开的部分"));       // 楷体

        Assert.Equal(3, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            var number = page.Letters.Where(l => IsPageNumber(page, l)).ToList();
            Assert.Equal($"—{page.Number}—", string.Concat(number.Select(l => l.Value)).Replace(" ", ""));
            Assert.All(number, l => Assert.Equal(14, l.PointSize, 1));
            var centre = number.Average(l => l.BoundingBox.Centroid.X);
            if (page.Number % 2 == 1) Assert.True(centre > page.Width / 2 + 150, "odd page numbers sit right");
            else Assert.True(centre < page.Width / 2 - 150, "even page numbers sit left");
        }
    }

    [Fact]
    public void A_long_table_with_merged_cells_repeats_its_header_rows_on_the_next_page()
    {
        var table = SampleDocuments.ApplicationsTable((r, c) => 1000 + r * 10 + c);
        table.FontSize = 14; // large enough that the 28 rows need two pages
        using var pdf = Open(Writer().Write(SampleDocuments.AnnualReportSection(table)), "annual-report-table.pdf");

        Assert.True(pdf.NumberOfPages >= 2);
        // Merged cells cut by a page break keep their text inside the text area.
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters.Where(l => !IsPageNumber(p, l))), l => Assert.True(l.BoundingBox.Bottom >= 35 * Mm - 0.5, $"{l.Value} below the text area"));
        var pages = pdf.GetPages().Select(BodyText).ToList();
        const string header = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";
        Assert.Contains(header, pages[0]);
        Assert.StartsWith(header, pages[1]);
        // The rows follow in order; the numbers of a row come after its labels.
        var all = string.Concat(pages).Replace(header, "");
        Assert.Contains("一、本年新收政府信息公开申请数量1000100110021003100410051006", all);
        Assert.Contains("四、结转下年度继续办理1240124112421243124412451246", all);
        Assert.Equal(1, Regex.Count(all, "三、本年度办理结果"));
        Assert.Equal(1, Regex.Count(all, "（三）不予公开"));
        // Every number once, row after row (labels hold no 4-digit runs).
        var numbers = Regex.Matches(all[all.IndexOf("一、本年新收", StringComparison.Ordinal)..], @"\d{4}").Select(m => int.Parse(m.Value)).ToList();
        Assert.Equal(Enumerable.Range(0, 25).SelectMany(r => Enumerable.Range(0, 7).Select(c => 1000 + r * 10 + c)), numbers);
    }

    [PdftoppmFact]
    public async Task Page_one_renders_with_ink_inside_the_text_area_only()
    {
        var pdf = Writer().Write(SampleDocuments.ReplyLetter());
        var page = await RenderedPage.RenderAsync(pdf, dpi: 72);
        Artifacts.Save("reply-letter-page1.png", page.Png);

        Assert.InRange(page.Width, 595, 596); // 210 × 297 mm at 72 dpi
        Assert.InRange(page.Height, 841, 842);
        var ink = new List<(int X, int Y)>();
        for (var y = 0; y < page.Height; y++)
            for (var x = 0; x < page.Width; x++)
                if (page[x, y] < 128) ink.Add((x, y));
        Assert.True(ink.Count > 2000, $"only {ink.Count} dark pixels: the page is blank or the glyphs are missing");
        var text = ink.Where(p => p.Y < page.Height - 30 * Mm).ToList(); // leave out the page number
        Assert.InRange(text.Min(p => p.Y), 37 * Mm - 2, 37 * Mm + 20);    // the title starts at the top margin
        Assert.InRange(text.Min(p => p.X), 28 * Mm - 2, 28 * Mm + 4);     // flush with the left margin
        Assert.True(text.Max(p => p.X) <= page.Width - 26 * Mm + 2);
    }

    /// <summary>The text lines of every page, top to bottom, page numbers left out.</summary>
    private static List<(int Page, double Y, string Text, List<Letter> Letters)> Lines(PdfDocument pdf) =>
        pdf.GetPages().SelectMany(page => page.Letters
                .Where(l => !IsPageNumber(page, l) && !string.IsNullOrWhiteSpace(l.Value))
                .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
                .OrderByDescending(g => g.Key)
                .Select(g => g.OrderBy(l => l.StartBaseLine.X).ToList())
                .Select(letters => (page.Number, letters[0].StartBaseLine.Y, string.Concat(letters.Select(l => l.Value)), letters)))
            .ToList();

    private static bool IsPageNumber(Page page, Letter letter) => letter.StartBaseLine.Y < 35 * Mm - 5;
}

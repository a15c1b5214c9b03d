using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Domain.AnnualReports;
using Gongkai.Features.AnnualReports.Documents;
using Gongkai.Features.Documents;
using Gongkai.Tests.Documents;
using UglyToad.PdfPig;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Tests.AnnualReports;

/// <summary>
/// The annual report as DOCX, PDF and XLSX, read back (OpenXml, PdfPig): every number of the content in
/// each file, the official merged cells, and the files opened by LibreOffice and poppler.
/// </summary>
public sealed partial class AnnualReportFilesTests
{
    private static readonly DateOnly Signed = new(2026, 1, 20);

    internal static byte[] Docx(AnnualReportContent content) => new DocxWriter().Write(AnnualReportDocument.Build(content, Signed));

    internal static byte[] Pdf(AnnualReportContent content) => PdfWriterTests.Writer().Write(AnnualReportDocument.Build(content, Signed));

    private static string N(decimal? value) => AnnualReportTables.Number(value);

    [Fact]
    public void Docx_holds_every_number_of_tables_two_three_and_four()
    {
        var content = SampleReports.Content();
        var docx = Docx(content);
        Artifacts.Save("annual-report-2025.docx", docx);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Word.Table>().ToList();
        Assert.Equal(3, tables.Count);
        static List<string> Texts(Word.TableRow row) => [.. row.Elements<Word.TableCell>().Select(c => c.InnerText)];

        // 二: after each caption row and column-label row, one row per item: label then its figures.
        var proactiveRows = tables[0].Elements<Word.TableRow>().Select(Texts).ToList();
        foreach (var block in content.Proactive.Blocks)
        {
            var caption = proactiveRows.FindIndex(r => r.SequenceEqual([block.Caption]));
            Assert.True(caption >= 0, block.Caption);
            Assert.Equal(["信息内容", .. block.Columns], proactiveRows[caption + 1]);
            for (var i = 0; i < block.Rows.Count; i++)
                Assert.Equal([block.Rows[i].Label, .. block.Rows[i].Keys.Select(key => N(content.Proactive[key]))], proactiveRows[caption + 2 + i]);
        }
        Assert.Contains(proactiveRows, r => r.SequenceEqual(["行政事业性收费", N(content.Proactive["fees.amount"])]));
        Assert.Contains(".56", N(content.Proactive["fees.amount"]));

        // 三: three header rows, then one row per table row ending in its seven numbers.
        var rows = tables[1].Elements<Word.TableRow>().ToList();
        Assert.Equal(3 + content.Applications.Rows.Count, rows.Count);
        for (var r = 0; r < content.Applications.Rows.Count; r++)
        {
            var texts = Texts(rows[3 + r]);
            Assert.Equal([.. content.Applications.Row(r).Select(N)], texts[^7..]);
            Assert.All(texts[^7..], t => Assert.NotEqual("0", t));
            Assert.Contains(content.Applications.Rows[r].Label, texts);
        }

        // 四: the last row is the 15 numbers.
        Assert.Equal([.. content.ReviewLitigation.Values.Select(N)], Texts(tables[2].Elements<Word.TableRow>().Last()));
        Assert.Contains(body.Elements<Word.Paragraph>(), p => p.InnerText.Contains("统计期限为2025年1月1日至2025年12月31日", StringComparison.Ordinal)
            && p.InnerText.Contains("国办公开办函〔2021〕30号", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_table_three_and_four_have_the_official_merged_cells()
    {
        var content = SampleReports.Content();
        using var word = WordprocessingDocument.Open(new MemoryStream(Docx(content)), false);
        var tables = word.MainDocumentPart!.Document!.Body!.Elements<Word.Table>().ToList();

        var rows = tables[1].Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().ToList()).ToList();
        static int Span(Word.TableCell c) => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
        static string? Merge(Word.TableCell c) => c.TableCellProperties?.VerticalMerge is { } m ? (m.Val?.Value == Word.MergedCellValues.Restart ? "restart" : "continue") : null;
        // The note cell: 3 label columns × 3 header rows.
        Assert.Equal((3, "restart"), (Span(rows[0][0]), Merge(rows[0][0])));
        Assert.Equal(ApplicationTableLayout.BalanceNote, rows[0][0].InnerText);
        Assert.Equal(("申请人情况", 7), (rows[0][1].InnerText, Span(rows[0][1])));
        Assert.Equal((3, "continue"), (Span(rows[1][0]), Merge(rows[1][0])));
        Assert.Equal(("自然人", "restart"), (rows[1][1].InnerText, Merge(rows[1][1])));
        Assert.Equal(("法人或其他组织", 5), (rows[1][2].InnerText, Span(rows[1][2])));
        Assert.Equal(("总计", "restart"), (rows[1][3].InnerText, Merge(rows[1][3])));
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], rows[2].Skip(2).Take(5).Select(c => c.InnerText));

        // 一 across the label columns; 三、本年度办理结果 down all 22 outcome rows; （三）不予公开 down its 8 sub-rows.
        Assert.Equal(("一、本年新收政府信息公开申请数量", 3), (rows[3][0].InnerText, Span(rows[3][0])));
        var results = rows.FindIndex(r => r[0].InnerText == ApplicationTableLayout.ResultsLabel);
        Assert.Equal("restart", Merge(rows[results][0]));
        Assert.Equal(21, rows.Skip(results + 1).TakeWhile(r => Merge(r[0]) == "continue").Count());
        var refused = rows.FindIndex(r => r.Count > 1 && r[1].InnerText == "（三）不予公开");
        Assert.Equal(7, rows.Skip(refused + 1).TakeWhile(r => Merge(r[1]) == "continue").Count());
        Assert.Equal(("（一）予以公开", 2), (rows[results][1].InnerText, Span(rows[results][1])));

        var four = tables[2].Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().ToList()).ToList();
        Assert.Equal([("行政复议", 5), ("行政诉讼", 10)], four[0].Select(c => (c.InnerText, Span(c))));
        Assert.Equal(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"], four[1].Select(c => c.InnerText));
        Assert.All(four[1].Take(5), c => Assert.Equal("restart", Merge(c)));
        Assert.Equal(15, four[2].Count);
        Assert.Equal(15, four[3].Count);
    }

    [Fact]
    public void Pdf_holds_every_number_in_the_reading_order_of_its_rows()
    {
        var content = SampleReports.Content();
        var pdf = Pdf(content);
        Artifacts.Save("annual-report-2025.pdf", pdf);
        using var document = PdfDocument.Open(pdf);
        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));

        Assert.Contains("明湖区人民政府2025年政府信息公开工作年度报告", text);
        Assert.Contains("统计期限为2025年1月1日至2025年12月31日", text);
        for (var r = 0; r < content.Applications.Rows.Count; r++)
        {
            var row = content.Applications.Rows[r];
            Assert.Contains(Squeeze(row.Label) + string.Concat(content.Applications.Row(r).Select(N)), text);
        }
        foreach (var block in content.Proactive.Blocks)
            foreach (var row in block.Rows)
                Assert.Contains(row.Label + string.Concat(row.Keys.Select(k => N(content.Proactive[k]))), text);
        Assert.Contains("结果维持结果纠正其他结果尚未审结总计" + string.Concat(content.ReviewLitigation.Values.Select(N)), text);
        Assert.EndsWith(Squeeze(SampleReports.BodyName + "2026年1月20日"), PageNumber().Replace(text, ""));
    }

    private static string Squeeze(string s) => Regex.Replace(s, @"\s", "");

    [GeneratedRegex("—\\d+—")]
    private static partial Regex PageNumber();

    [Fact]
    public void Xlsx_has_a_sheet_per_table_with_the_same_merges_and_numbers_as_numbers()
    {
        var content = SampleReports.Content();
        var xlsx = AnnualReportWorkbook.Write(content);
        Artifacts.Save("annual-report-2025.xlsx", xlsx);
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = book.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet.Sheet>().ToList();
        Assert.Equal(AnnualReportWorkbook.SheetNames, sheets.Select(s => s.Name!.Value));
        Sheet.Worksheet Ws(int i) => ((WorksheetPart)workbook.GetPartById(sheets[i].Id!)).Worksheet!;
        static Dictionary<string, Sheet.Cell> Cells(Sheet.Worksheet ws) =>
            ws.Descendants<Sheet.Cell>().ToDictionary(c => c.CellReference!.Value!);
        static HashSet<string> Merges(Sheet.Worksheet ws) => [.. ws.Descendants<Sheet.MergeCell>().Select(m => m.Reference!.Value!)];
        static decimal Number(Sheet.Cell c)
        {
            Assert.Equal(Sheet.CellValues.Number, c.DataType!.Value);
            return decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        }

        // 三: title in row 1, header rows 2–4, the table's rows from row 5, numbers in columns D–J.
        var three = Ws(1);
        var cells = Cells(three);
        var merges = Merges(three);
        Assert.Subset(merges, new HashSet<string> { "A1:J1", "A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A5:C5", "A6:C6", "A7:A28", "B7:C7", "B9:B16", "B17:B19", "B20:B24", "B25:B27", "B28:C28", "A29:C29" });
        Assert.Equal(ApplicationTableLayout.BalanceNote, cells["A2"].InnerText);
        Assert.Equal("三、本年度办理结果", cells["A7"].InnerText);
        for (var r = 0; r < content.Applications.Rows.Count; r++)
            for (var c = 0; c < ApplicationTable.ColumnCount; c++)
                Assert.Equal(content.Applications[r, c], Number(cells[AnnualReportWorkbook.Reference(4 + r, 3 + c)]));

        // 四: 15 numbers in row 5.
        var four = Ws(2);
        Assert.Subset(Merges(four), new HashSet<string> { "A2:E2", "F2:O2", "A3:A4", "E3:E4", "F3:J3", "K3:O3" });
        var fourCells = Cells(four);
        for (var c = 0; c < ReviewLitigationTable.ColumnCount; c++)
            Assert.Equal(content.ReviewLitigation[c], Number(fourCells[AnnualReportWorkbook.Reference(4, c)]));

        // 二: each figure as a number, next to its label.
        var two = Cells(Ws(0));
        foreach (var block in content.Proactive.Blocks)
            foreach (var row in block.Rows)
            {
                var label = two.Values.Single(c => c.InnerText == row.Label);
                var line = Regex.Match(label.CellReference!.Value!, @"\d+").Value;
                for (var i = 0; i < row.Keys.Count; i++)
                    Assert.Equal(content.Proactive[row.Keys[i]], Number(two[$"{(char)('B' + i)}{line}"]));
            }
        Assert.Contains("B8:D8", Merges(Ws(0))); // 2021 (五): one figure column spanning three
    }

    [Theory]
    [InlineData(2020, "2019", "（六）其他处理")]
    [InlineData(2015, "2008", "（四）信息不存在或不属于本机关掌握")]
    public void Older_formats_keep_their_own_rows(int year, string format, string label)
    {
        var content = SampleReports.Content(year);
        Assert.Equal(format, content.Format.Code());
        using var word = WordprocessingDocument.Open(new MemoryStream(Docx(content)), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var three = body.Elements<Word.Table>().ElementAt(1).Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var row = three.Single(r => r.Any(t => t.Trim() == label));
        var index = content.Applications.Rows.ToList().FindIndex(r => r.Label == label);
        Assert.Equal(N(content.Applications[index, ApplicationTable.TotalColumn]), row[^1]);
        Assert.Contains(body.Elements<Word.Paragraph>(), p => p.InnerText == content.Sections[0].Heading);
        var xlsx = AnnualReportWorkbook.Write(content);
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(3, book.WorkbookPart!.WorksheetParts.Count());
    }
}

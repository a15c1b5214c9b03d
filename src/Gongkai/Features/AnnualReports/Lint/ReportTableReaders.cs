using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Features.AnnualReports.Lint;

/// <summary>A file or text the linter cannot read; <see cref="Status"/> is the HTTP status to answer with.</summary>
public sealed class LintInputException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>The tables of a published report's HTML page (or a fragment of one), spans expanded.</summary>
public static partial class HtmlReportTables
{
    /// <summary>Enough for any real report table, small enough that a page of colspan="100" cannot exhaust memory.</summary>
    public const int MaxSlots = 500_000;

    public static IReadOnlyList<TextGrid> Read(string html, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(problems);
        var document = new HtmlParser().ParseDocument(html);
        var grids = new List<TextGrid>();
        var slots = MaxSlots;
        foreach (var table in document.QuerySelectorAll("table").OfType<IHtmlTableElement>())
        {
            var builder = new GridBuilder(slots);
            var rows = table.Rows.ToList(); // this table's rows only, not those of a table nested in a cell
            for (var r = 0; r < rows.Count && !builder.Overflowed; r++)
            {
                builder.Row(r);
                foreach (var cell in rows[r].Cells)
                    builder.Add(r, CellText(cell), cell.RowSpan, cell.ColumnSpan, rows.Count - r);
            }
            if (builder.Overflowed)
            {
                problems.Add("页面中的表格过大，超出部分未读取。");
                break;
            }
            var grid = builder.Build();
            slots -= grid.Rows.Count * Math.Max(1, grid.Width);
            grids.Add(grid);
        }
        return grids;
    }

    /// <summary>A cell's text with line breaks and runs of white space made single spaces.</summary>
    private static string CellText(IHtmlTableCellElement cell) => Spaces().Replace(cell.TextContent, " ").Trim();

    [GeneratedRegex(@"[\s\u00a0\u3000]+")]
    private static partial Regex Spaces();

    /// <summary>
    /// The text of an uploaded .html file. Many government sites still serve GB2312/GBK pages: a byte
    /// order mark wins, then a charset named in the first bytes, then UTF-8 if the bytes are valid UTF-8,
    /// else GB18030 (a superset of GB2312 and GBK).
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE })) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF })) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var named = Charset().Match(head);
        if (named.Success && named.Groups[1].Value.ToLowerInvariant() is "gb2312" or "gbk" or "gb18030" or "x-gbk")
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}

/// <summary>The tables of a Word (.docx) report, vertical and horizontal merges expanded.</summary>
public static class DocxReportTables
{
    /// <summary>A .docx is a zip: refuse one that would inflate past this (a zip bomb), before opening it.</summary>
    public const long MaxUnzippedBytes = 100L * 1024 * 1024;

    public static IReadOnlyList<TextGrid> Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckZip(content);
        try
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new LintInputException(400, "该 DOCX 文件没有正文。");
            return [.. body.Descendants<Word.Table>().Select(Grid)];
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new LintInputException(400, "无法读取该 DOCX 文件：文件已损坏，或不是 Word 文档（.docx）。");
        }
    }

    private static void CheckZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
                if ((total += entry.Length) > MaxUnzippedBytes)
                    throw new LintInputException(413, "该 DOCX 文件解压后过大，无法读取。");
            if (zip.GetEntry("word/document.xml") is null)
                throw new LintInputException(400, "无法读取该 DOCX 文件：文件中没有 Word 正文（word/document.xml）。");
        }
        catch (InvalidDataException)
        {
            throw new LintInputException(400, "无法读取该 DOCX 文件：文件已损坏，或不是 Word 文档（.docx）。");
        }
    }

    private static TextGrid Grid(Word.Table table)
    {
        var rows = new List<List<string>>();
        foreach (var row in table.Elements<Word.TableRow>())
        {
            var cells = new List<string>();
            var before = row.TableRowProperties?.GetFirstChild<Word.GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < before; i++) cells.Add("");
            foreach (var cell in row.Elements<Word.TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, GridBuilder.MaxColSpan);
                var merge = properties?.VerticalMerge;
                // vMerge without a value continues the merge above (ECMA-376 17.4.85): the text is the first cell's.
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == Word.MergedCellValues.Continue);
                for (var k = 0; k < span; k++)
                {
                    var column = cells.Count;
                    cells.Add(continues && rows.Count > 0 && column < rows[^1].Count ? rows[^1][column] : Text(cell));
                }
            }
            rows.Add(cells);
        }
        return new TextGrid([.. rows.Select(r => (IReadOnlyList<string>)r)]);
    }

    private static string Text(Word.TableCell cell) =>
        string.Join(" ", cell.Elements<Word.Paragraph>().Select(p => p.InnerText.Trim()).Where(t => t.Length > 0));
}

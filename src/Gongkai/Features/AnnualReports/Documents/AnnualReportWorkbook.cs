using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Domain.AnnualReports;
using Gongkai.Features.Documents;

namespace Gongkai.Features.AnnualReports.Documents;

/// <summary>
/// Tables 二, 三 and 四 of a report as an Excel workbook, one sheet each: a title row, then the table
/// with the same merged cells as the DOCX and PDF (<see cref="AnnualReportTables"/>), figures stored as
/// numbers so an office can add them up, every cell ruled, pages A4 landscape.
/// </summary>
public static class AnnualReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IReadOnlyList<string> SheetNames { get; } = ["表二 主动公开", "表三 依申请公开", "表四 行政复议、行政诉讼"];

    // Cell formats of the stylesheet below.
    private const uint Bordered = 1, BorderedLeft = 2, Title = 3;

    public static byte[] Write(AnnualReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sheets = new (string Name, string Title, DocumentTable Table)[]
        {
            (SheetNames[0], "主动公开政府信息情况", AnnualReportTables.Proactive(content.Proactive)),
            (SheetNames[1], "收到和处理政府信息公开申请情况", AnnualReportTables.Applications(content.Applications)),
            (SheetNames[2], "政府信息公开行政复议、行政诉讼情况", AnnualReportTables.ReviewLitigation(content.ReviewLitigation)),
        };

        using var stream = new MemoryStream();
        using (var book = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            book.PackageProperties.Title = content.Title;
            book.PackageProperties.Language = "zh-CN";
            var workbook = book.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            uint id = 1;
            foreach (var (name, title, table) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(table, $"{content.Title} {title}");
                workbook.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }
        }
        return stream.ToArray();
    }

    private static Worksheet Sheet(DocumentTable table, string title)
    {
        var grid = table.Grid;
        var columns = grid.ColumnCount;
        var sum = table.ColumnWidths.Sum();
        var totalChars = Math.Max(60, columns * 8.0);
        var cols = new Columns(table.ColumnWidths.Select((w, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Round(w / sum * totalChars, 1), CustomWidth = true,
        }));

        var data = new SheetData();
        var merges = new List<string>();
        var titleRow = new Row { RowIndex = 1, Height = 30, CustomHeight = true };
        titleRow.Append(TextCell(Reference(0, 0), title, Title));
        data.Append(titleRow);
        if (columns > 1) merges.Add($"{Reference(0, 0)}:{Reference(0, columns - 1)}");

        for (var r = 0; r < grid.RowCount; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 2) };
            for (var c = 0; c < columns; c++)
            {
                var placed = grid.At(r, c);
                var reference = Reference(r + 1, c);
                if (!grid.IsOrigin(r, c))
                {
                    // Covered by a merge: an empty ruled cell, so the merged area's border is drawn all round.
                    row.Append(new Cell { CellReference = reference, StyleIndex = Bordered });
                    continue;
                }
                var text = placed.Cell.Text;
                var style = placed.Align == TextAlign.Left ? BorderedLeft : Bordered;
                row.Append(!placed.IsHeader && IsFigure(text, out var number)
                    ? new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) }
                    : TextCell(reference, text, style));
                if (placed.RowSpan > 1 || placed.ColSpan > 1)
                    merges.Add($"{reference}:{Reference(r + placed.RowSpan, c + placed.ColSpan - 1)}");
            }
            data.Append(row);
        }

        var sheet = new Worksheet(cols, data);
        sheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        sheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        sheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return sheet;
    }

    /// <summary>Figures are written by <see cref="AnnualReportTables.Number"/>: digits, a point, maybe a minus sign.</summary>
    private static bool IsFigure(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>A1-style reference of a zero-based row and column.</summary>
    public static string Reference(int row, int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet()
    {
        static Font Font(bool bold, double size) => bold
            ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "宋体" })
            : new Font(new FontSize { Val = size }, new FontName { Val = "宋体" });
        static CellFormat Format(uint font, uint border, HorizontalAlignmentValues align) => new(new Alignment
        {
            Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = true,
        }) { FontId = font, BorderId = border, FillId = 0, NumberFormatId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true };
        static Border Thin() => new(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());

        return new Stylesheet(
            new Fonts(Font(false, 11), Font(true, 14)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
                Format(0, 1, HorizontalAlignmentValues.Center),
                Format(0, 1, HorizontalAlignmentValues.Left),
                Format(1, 0, HorizontalAlignmentValues.Center)) { Count = 4 });
    }
}

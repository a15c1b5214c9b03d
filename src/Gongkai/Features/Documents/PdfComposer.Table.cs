using PdfSharp.Drawing;

namespace Gongkai.Features.Documents;

/// <summary>
/// Tables: row heights from the wrapped cell texts (a merged cell's extra height goes to its last row),
/// page breaks only between row groups that no merged cell crosses, the header rows repeated at the
/// top of each continuation page. A group taller than a page is split between rows all the same.
/// </summary>
internal sealed partial class PdfComposer
{
    private static readonly XPen Rule = new(XColors.Black, 0.75);
    private const double PadX = 4;
    private const double PadY = 3;

    private sealed record CellLayout(PlacedCell Cell, XFont Font, List<BrokenLine> Lines, double X, double Width);

    private sealed record TableLayout(List<CellLayout> Cells, double[] Heights, List<(int Start, int End)> Groups, int HeaderRows, double Pitch)
    {
        /// <summary>Cells whose text is on a page already (header rows are drawn again on each page).</summary>
        public HashSet<PlacedCell> Written { get; } = [];

        public double HeightOf(int from, int to) => Heights.Skip(from).Take(to - from).Sum();

        /// <summary>The header rows and the first body group: what must follow a heading on its page.</summary>
        public double FirstGroupHeight => HeightOf(0, Groups[0].End);
    }

    private TableLayout Layout(DocumentTable table)
    {
        var grid = table.Grid;
        var pitch = table.FontSize * 1.45;
        var bodyFont = Font(_faces.Serif, table.FontSize);
        var headerFont = Font(_faces.Sans, table.FontSize);

        var sum = table.ColumnWidths.Sum();
        var x = new double[grid.ColumnCount + 1];
        x[0] = Left;
        for (var c = 0; c < grid.ColumnCount; c++) x[c + 1] = x[c] + table.ColumnWidths[c] / sum * Width;

        var cells = grid.Cells.Select(cell =>
        {
            var font = cell.IsHeader ? headerFont : bodyFont;
            var width = x[cell.Column + cell.ColSpan] - x[cell.Column];
            var inner = Math.Max(width - 2 * PadX, font.Size);
            return new CellLayout(cell, font, ChineseText.BreakLines(cell.Cell.Text, s => Measure(font, s), inner, inner), x[cell.Column], width);
        }).ToList();
        return new TableLayout(cells, RowHeights(grid, cells, pitch), RowGroups(grid, table.HeaderRowCount), table.HeaderRowCount, pitch);
    }

    private void Table(TableLayout table)
    {
        var header = table.HeaderRows;
        var from = 0; // rows [from, start) are collected for the current page
        foreach (var (start, end) in table.Groups)
        {
            if (_y + table.HeightOf(from, end) <= Bottom + 0.01) continue;
            var repeated = start >= header ? table.HeightOf(0, header) : 0;
            if (repeated + table.HeightOf(start, end) <= Bottom - Top)
            {
                // The group fits on a page of its own: break before it.
                DrawRows(table, from, start);
                from = start;
                if (_pageHasContent) ContinueOnNewPage(table, start);
                continue;
            }
            // Taller than a page: split it between rows, starting on this page.
            for (var r = start; r < end; r++)
            {
                if (_y + table.HeightOf(from, r + 1) > Bottom + 0.01 && (r > from || _pageHasContent))
                {
                    DrawRows(table, from, r);
                    from = r;
                    ContinueOnNewPage(table, r);
                }
            }
        }
        DrawRows(table, from, table.Heights.Length);
    }

    private void ContinueOnNewPage(TableLayout table, int nextRow)
    {
        NewPage();
        if (nextRow >= table.HeaderRows) DrawRows(table, 0, table.HeaderRows);
    }

    private static double[] RowHeights(CellGrid grid, List<CellLayout> cells, double pitch)
    {
        var heights = Enumerable.Repeat(pitch + 2 * PadY, grid.RowCount).ToArray();
        foreach (var c in cells.Where(c => c.Cell.RowSpan == 1))
            heights[c.Cell.Row] = Math.Max(heights[c.Cell.Row], c.Lines.Count * pitch + 2 * PadY);
        foreach (var c in cells.Where(c => c.Cell.RowSpan > 1).OrderBy(c => c.Cell.RowSpan))
        {
            var need = c.Lines.Count * pitch + 2 * PadY;
            var have = heights.Skip(c.Cell.Row).Take(c.Cell.RowSpan).Sum();
            if (need > have) heights[c.Cell.LastRow] += need - have;
        }
        return heights;
    }

    /// <summary>
    /// Runs of rows [start, end) that no merged cell crosses: a page may break only between them. The
    /// header rows and the first body group are one run, so a header never ends a page alone.
    /// </summary>
    private static List<(int Start, int End)> RowGroups(CellGrid grid, int header)
    {
        var groups = new List<(int, int)>();
        var start = 0;
        var reach = 0;
        for (var r = 0; r < grid.RowCount; r++)
        {
            for (var c = 0; c < grid.ColumnCount; c++)
                reach = Math.Max(reach, grid.At(r, c).LastRow);
            if (reach == r && r >= header)
            {
                groups.Add((start, r + 1));
                start = r + 1;
            }
        }
        if (start < grid.RowCount) groups.Add((start, grid.RowCount)); // a table of header rows only
        return groups;
    }

    /// <summary>
    /// Rows [from, to) at the cursor. A merged cell cut by a page break is ruled in each part; its text
    /// goes in the first part tall enough for it, or the last part.
    /// </summary>
    private void DrawRows(TableLayout table, int from, int to)
    {
        if (to <= from) return;
        var top = new double[table.Heights.Length + 1];
        top[from] = _y;
        for (var r = from; r < to; r++) top[r + 1] = top[r] + table.Heights[r];

        foreach (var c in table.Cells)
        {
            var first = Math.Max(c.Cell.Row, from);
            var last = Math.Min(c.Cell.LastRow, to - 1);
            if (first > last) continue;
            var y = top[first];
            var height = top[last + 1] - y;
            Page.DrawRectangle(Rule, c.X, y, c.Width, height);
            var textHeight = c.Lines.Count * table.Pitch;
            var isHeader = c.Cell.IsHeader;
            if (!isHeader && table.Written.Contains(c.Cell)) continue;
            if (!isHeader && textHeight + 2 * PadY > height + 0.01 && c.Cell.LastRow >= to) continue; // try the next part
            table.Written.Add(c.Cell);

            var lineTop = y + Math.Max(PadY, (height - textHeight) / 2);
            var align = c.Cell.Align == TextAlign.Justify ? TextAlign.Left : c.Cell.Align;
            foreach (var line in c.Lines)
            {
                DrawLine(line with { EndsParagraph = true }, c.Font, c.X + PadX, c.Width - 2 * PadX, Baseline(lineTop, table.Pitch, c.Font.Size), align);
                lineTop += table.Pitch;
            }
        }
        _y = top[to];
        _pageHasContent = true;
    }
}

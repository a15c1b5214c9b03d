using DocumentFormat.OpenXml.Wordprocessing;
using WordCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WordGrid = DocumentFormat.OpenXml.Wordprocessing.TableGrid;

namespace Gongkai.Features.Documents;

/// <summary>
/// A <see cref="DocumentTable"/> as a Word table: a fixed grid over the full text width, gridSpan for
/// cells merged across columns, vMerge for cells merged down rows (each covered row gets a
/// continuation cell as wide as the merged one), header rows repeated on each page.
/// </summary>
internal static class DocxTable
{
    public static Table Build(DocumentTable table)
    {
        var grid = table.Grid;
        var totalWidth = PageLayout.Twips(PageLayout.TextWidth);
        var columnWidths = ColumnTwips(table.ColumnWidths, totalWidth);

        var result = new Table(new TableProperties(
            new TableStyle { Val = DocxStyles.Table },
            new TableWidth { Width = totalWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            // Also set on the table itself, so readers that ignore table styles still draw the rules.
            DocxStyles.Borders(),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "0000", FirstRow = false, NoHorizontalBand = true, NoVerticalBand = true }));
        result.Append(new WordGrid(columnWidths.Select(w => new GridColumn { Width = w.ToString() })));

        for (var r = 0; r < grid.RowCount; r++)
        {
            var rowProperties = new TableRowProperties(new CantSplit());
            if (r < table.HeaderRowCount) rowProperties.Append(new TableHeader());
            var row = new TableRow(rowProperties);
            var c = 0;
            while (c < grid.ColumnCount)
            {
                var cell = grid.At(r, c);
                var width = columnWidths.Skip(c).Take(cell.ColSpan).Sum();
                if (cell.Column != c) throw new InvalidOperationException("grid slots out of step"); // spans are resolved column-first
                row.Append(Cell(table, cell, width, continuation: cell.Row != r));
                c += cell.ColSpan;
            }
            result.Append(row);
        }
        return result;
    }

    private static WordCell Cell(DocumentTable table, PlacedCell cell, int width, bool continuation)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (cell.ColSpan > 1) properties.Append(new GridSpan { Val = cell.ColSpan });
        if (cell.RowSpan > 1) properties.Append(new VerticalMerge { Val = continuation ? MergedCellValues.Continue : MergedCellValues.Restart });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var style = cell.IsHeader ? DocxStyles.TableHeader : DocxStyles.TableText;
        var size = Math.Abs(table.FontSize - 12) < 0.01 ? (double?)null : table.FontSize;
        // A continuation cell of a vertical merge holds an empty paragraph: Word shows the first cell's text.
        var paragraph = DocxWriter.Styled(style, continuation ? "" : cell.Cell.Text, cell.Align, size);
        return new WordCell(properties, paragraph);
    }

    /// <summary>Relative widths to twips that add up exactly to the table width.</summary>
    private static int[] ColumnTwips(IReadOnlyList<double> weights, int total)
    {
        var sum = weights.Sum();
        var widths = weights.Select(w => (int)Math.Floor(w / sum * total)).ToArray();
        widths[^1] += total - widths.Sum();
        return widths;
    }
}

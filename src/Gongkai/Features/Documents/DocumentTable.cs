namespace Gongkai.Features.Documents;

/// <summary>
/// A ruled table with header rows and merged cells, given like HTML: each row lists only the cells
/// that start in it; a cell with <see cref="DocumentCell.RowSpan"/> or <see cref="DocumentCell.ColSpan"/>
/// covers the slots below or to its right. Every slot must be covered exactly once.
/// </summary>
public sealed class DocumentTable
{
    private readonly List<IReadOnlyList<DocumentCell>> _rows = [];
    private CellGrid? _grid;

    /// <param name="columnWidths">Relative widths, one per column; the table takes the full text width.</param>
    public DocumentTable(params double[] columnWidths)
    {
        if (columnWidths.Length == 0 || columnWidths.Any(w => !(w > 0)))
            throw new ArgumentException("A table needs at least one column, each with a positive width.", nameof(columnWidths));
        ColumnWidths = columnWidths;
    }

    public IReadOnlyList<double> ColumnWidths { get; }
    public int ColumnCount => ColumnWidths.Count;

    /// <summary>The first rows, repeated at the top of each page the table continues on.</summary>
    public int HeaderRowCount { get; private set; }

    public IReadOnlyList<IReadOnlyList<DocumentCell>> Rows => _rows;

    /// <summary>Text size in points; 12 (小四) by default, smaller for wide statistical tables.</summary>
    public double FontSize { get; set; } = 12;

    /// <summary>A header row (黑体, centred). Header rows come before any body row.</summary>
    public DocumentTable HeaderRow(params DocumentCell[] cells)
    {
        if (HeaderRowCount != _rows.Count)
            throw new InvalidOperationException("Header rows must come before the body rows.");
        HeaderRowCount++;
        return AddRow(cells);
    }

    /// <summary>A header row of plain texts.</summary>
    public DocumentTable HeaderRow(params string[] texts) => HeaderRow(texts.Select(t => new DocumentCell(t)).ToArray());

    /// <summary>A body row (仿宋). Cells are left-aligned unless they say otherwise.</summary>
    public DocumentTable Row(params DocumentCell[] cells) => AddRow(cells);

    /// <summary>A body row of plain texts.</summary>
    public DocumentTable Row(params string[] texts) => AddRow(texts.Select(t => new DocumentCell(t)).ToArray());

    private DocumentTable AddRow(DocumentCell[] cells)
    {
        _rows.Add(cells);
        _grid = null;
        return this;
    }

    /// <summary>The resolved slots; throws when spans overlap, leave holes or run past the table.</summary>
    internal CellGrid Grid => _grid ??= CellGrid.Resolve(this);

    internal void Validate() => _ = Grid;
}

/// <summary>A cell; <see cref="Align"/> null means centred in header rows and left-aligned in body rows.</summary>
public sealed record DocumentCell(string Text, int RowSpan = 1, int ColSpan = 1, TextAlign? Align = null)
{
    public static DocumentCell Centered(string text, int rowSpan = 1, int colSpan = 1) => new(text, rowSpan, colSpan, TextAlign.Center);
}

/// <summary>A cell at its top-left slot.</summary>
internal sealed record PlacedCell(int Row, int Column, DocumentCell Cell, bool IsHeader)
{
    public int RowSpan => Cell.RowSpan;
    public int ColSpan => Cell.ColSpan;
    public int LastRow => Row + RowSpan - 1;

    public TextAlign Align => Cell.Align ?? (IsHeader ? TextAlign.Center : TextAlign.Left);
}

/// <summary>The table as a full grid: for each slot, the cell that covers it.</summary>
internal sealed class CellGrid
{
    private readonly PlacedCell[,] _slots;

    private CellGrid(PlacedCell[,] slots, List<PlacedCell> cells)
    {
        _slots = slots;
        Cells = cells;
    }

    public int RowCount => _slots.GetLength(0);
    public int ColumnCount => _slots.GetLength(1);

    /// <summary>Cells in reading order: by row, then by column.</summary>
    public IReadOnlyList<PlacedCell> Cells { get; }

    public PlacedCell At(int row, int column) => _slots[row, column];

    public bool IsOrigin(int row, int column) => _slots[row, column] is { } c && c.Row == row && c.Column == column;

    public static CellGrid Resolve(DocumentTable table)
    {
        var rows = table.Rows.Count;
        var columns = table.ColumnCount;
        if (rows == 0) throw new ArgumentException("A table needs at least one row.");
        var slots = new PlacedCell?[rows, columns];
        var cells = new List<PlacedCell>();
        for (var r = 0; r < rows; r++)
        {
            var c = 0;
            foreach (var cell in table.Rows[r])
            {
                if (cell.RowSpan < 1 || cell.ColSpan < 1)
                    throw new ArgumentException($"Row {r + 1}: spans must be at least 1.");
                while (c < columns && slots[r, c] is not null) c++;
                if (c + cell.ColSpan > columns)
                    throw new ArgumentException($"Row {r + 1}: cells run past the table's {columns} columns.");
                if (r + cell.RowSpan > rows)
                    throw new ArgumentException($"Row {r + 1}: a cell spans below the last row.");
                var isHeader = r < table.HeaderRowCount;
                if (isHeader && r + cell.RowSpan > table.HeaderRowCount)
                    throw new ArgumentException($"Row {r + 1}: a header cell spans into the body rows.");
                var placed = new PlacedCell(r, c, cell, isHeader);
                for (var dr = 0; dr < cell.RowSpan; dr++)
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        if (slots[r + dr, c + dc] is not null)
                            throw new ArgumentException($"Row {r + dr + 1}, column {c + dc + 1} is covered by two cells.");
                        slots[r + dr, c + dc] = placed;
                    }
                cells.Add(placed);
                c += cell.ColSpan;
            }
            for (var col = 0; col < columns; col++)
                if (slots[r, col] is null)
                    throw new ArgumentException($"Row {r + 1}, column {col + 1} is not covered by any cell.");
        }
        return new CellGrid(slots!, cells);
    }
}

namespace Gongkai.Features.AnnualReports.Lint;

/// <summary>
/// A table read from someone else's report with its merged cells expanded: every slot holds the text
/// of the cell covering it, so a label merged down five rows is seen on each of them.
/// </summary>
public sealed class TextGrid
{
    public TextGrid(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        // Word and CMS editors leave empty columns at the right edge; they would shift "the last 7 cells".
        while (width > 0 && rows.All(r => r.Count < width || string.IsNullOrWhiteSpace(r[width - 1]))) width--;
        Rows = [.. rows.Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, width).Select(c => c < r.Count ? r[c] : "")])];
        Width = width;
    }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
    public int Width { get; }

    /// <summary>The whole table's text, for finding it by its header words.</summary>
    public string Text => string.Concat(Rows.SelectMany(r => r));
}

/// <summary>
/// Expands a table given as rows of cells with row and column spans (HTML rowspan/colspan, Word
/// vMerge/gridSpan) into a <see cref="TextGrid"/>, following the HTML table model: a cell takes the
/// first slot of its row not yet covered by a cell from above.
/// </summary>
internal sealed class GridBuilder(int maxSlots)
{
    /// <summary>colspan is capped like browsers do (HTML: at most 1000); 100 is plenty for a report.</summary>
    public const int MaxColSpan = 100;

    private readonly List<List<string?>> _rows = [];
    private int _slots;

    public bool Overflowed { get; private set; }

    /// <param name="rowSpan">0 means "to the last row", as in HTML; the caller passes the rows left.</param>
    public void Add(int row, string text, int rowSpan, int colSpan, int rowsLeft)
    {
        rowSpan = rowSpan <= 0 ? rowsLeft : Math.Clamp(rowSpan, 1, Math.Max(1, rowsLeft));
        colSpan = Math.Clamp(colSpan, 1, MaxColSpan);
        var cells = Row(row);
        var c = 0;
        while (c < cells.Count && cells[c] is not null) c++;
        for (var dr = 0; dr < rowSpan; dr++)
        {
            var target = Row(row + dr);
            for (var dc = 0; dc < colSpan; dc++)
            {
                if (++_slots > maxSlots)
                {
                    Overflowed = true;
                    return;
                }
                while (target.Count <= c + dc) target.Add(null);
                target[c + dc] ??= text;
            }
        }
    }

    /// <summary>Ensures the row exists (a row whose every slot is covered from above has no cells of its own).</summary>
    public List<string?> Row(int row)
    {
        while (_rows.Count <= row) _rows.Add([]);
        return _rows[row];
    }

    public TextGrid Build() => new([.. _rows.Select(r => (IReadOnlyList<string>)[.. r.Select(t => t ?? "")])]);
}

using System.Globalization;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// Table 三 of a report: one number per row (<see cref="ApplicationTableLayout.Rows"/>) and column
/// (<see cref="ApplicationTableLayout.Columns"/>). Numbers are decimals so a report read from someone else's
/// document can hold what it printed (a blank is null, a fraction stays a fraction) and fail its checks.
/// </summary>
public sealed class ApplicationTable
{
    public const int ColumnCount = 7;
    public const int TotalColumn = 6;

    private readonly decimal?[][] _values;
    private readonly Dictionary<string, int> _rowIndex;

    public ApplicationTable(ReportFormat format)
    {
        Format = format;
        Rows = ApplicationTableLayout.Rows(format);
        _values = [.. Rows.Select(_ => new decimal?[ColumnCount])];
        _rowIndex = Rows.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
    }

    public ReportFormat Format { get; }
    public IReadOnlyList<ApplicationRow> Rows { get; }
    public static IReadOnlyList<string> Columns => ApplicationTableLayout.Columns;

    public decimal? this[int row, int column]
    {
        get => _values[row][column];
        set => _values[row][column] = value;
    }

    public decimal? this[string rowKey, int column]
    {
        get => _values[RowIndex(rowKey)][column];
        set => _values[RowIndex(rowKey)][column] = value;
    }

    public int RowIndex(string rowKey) =>
        _rowIndex.TryGetValue(rowKey, out var i) ? i : throw new ArgumentException($"No row '{rowKey}' in the {Format.Code()} format.", nameof(rowKey));

    public bool HasRow(string rowKey) => _rowIndex.ContainsKey(rowKey);

    /// <summary>The numbers of a row, left to right.</summary>
    public IReadOnlyList<decimal?> Row(int row) => _values[row];

    /// <summary>
    /// Fills a computed table: every cell 0 unless counted, then （七）总计 and the 总计 column derived, so a
    /// computed table passes its checks exactly when the counts balance (一 + 二 = （七） + 四).
    /// </summary>
    public static ApplicationTable FromCounts(ReportFormat format, Func<string, int, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var table = new ApplicationTable(format);
        var total = table.RowIndex(ApplicationTableLayout.Total);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (r == total) continue;
            for (var c = 0; c < TotalColumn; c++) table._values[r][c] = count(table.Rows[r].Key, c);
        }
        for (var c = 0; c < TotalColumn; c++)
            table._values[total][c] = table.Rows.Select((row, i) => (row, i))
                .Where(x => ApplicationTableLayout.IsOutcomeRow(x.row)).Sum(x => table._values[x.i][c] ?? 0);
        for (var r = 0; r < table.Rows.Count; r++)
            table._values[r][TotalColumn] = table._values[r].Take(TotalColumn).Sum(v => v ?? 0);
        return table;
    }

    /// <summary>
    /// The cross-checks of regulation.md §1.4: every cell a non-negative integer; 总计 = the other six columns
    /// on every row; （七）总计 = the sum of the outcome rows; 一 + 二 = （七） + 四 in every column.
    /// </summary>
    public IReadOnlyList<ReportCheck> Check()
    {
        var checks = new List<ReportCheck>();
        var bad = new List<string>();
        for (var r = 0; r < Rows.Count; r++)
            for (var c = 0; c < ColumnCount; c++)
                if (!Cell.IsNonNegativeInteger(_values[r][c])) bad.Add($"{Name(r, c)} = {Cell.Show(_values[r][c])}");
        checks.Add(new ReportCheck("applications.integers", "表三：每个单元格都是非负整数", bad.Count == 0,
            bad.Count == 0 ? "全部单元格均为非负整数" : "以下单元格不是非负整数：" + string.Join("；", bad),
            bad.Count == 0 ? [] : [.. bad.Select(b => b[..b.IndexOf(" = ", StringComparison.Ordinal)])]));

        for (var r = 0; r < Rows.Count; r++)
        {
            var parts = _values[r].Take(TotalColumn).ToArray();
            var sum = parts.Sum(v => v ?? 0);
            var total = _values[r][TotalColumn];
            var ok = parts.All(v => v is not null) && total == sum;
            checks.Add(new ReportCheck("applications.column-total", $"表三「{Rows[r].Label}」：总计 = 自然人 + 法人或其他组织五列之和", ok,
                $"{string.Join(" + ", parts.Select(Cell.Show))} = {Cell.Show(sum)}，总计列为 {Cell.Show(total)}",
                [.. Enumerable.Range(0, ColumnCount).Select(c => Name(r, c))]));
        }

        var totalRow = RowIndex(ApplicationTableLayout.Total);
        var outcomeRows = Enumerable.Range(0, Rows.Count).Where(r => ApplicationTableLayout.IsOutcomeRow(Rows[r])).ToArray();
        var newRow = RowIndex(ApplicationTableLayout.New);
        var inRow = RowIndex(ApplicationTableLayout.CarriedIn);
        var outRow = RowIndex(ApplicationTableLayout.CarriedOut);
        for (var c = 0; c < ColumnCount; c++)
        {
            var parts = outcomeRows.Select(r => _values[r][c]).ToArray();
            var sum = parts.Sum(v => v ?? 0);
            var ok = parts.All(v => v is not null) && _values[totalRow][c] == sum;
            checks.Add(new ReportCheck("applications.outcome-total", $"表三「{Columns[c]}」列：（七）总计 = 各项办理结果之和", ok,
                $"办理结果各项之和为 {Cell.Show(sum)}，（七）总计为 {Cell.Show(_values[totalRow][c])}",
                [Name(totalRow, c), .. outcomeRows.Select(r => Name(r, c))]));

            var left = (_values[newRow][c] ?? 0) + (_values[inRow][c] ?? 0);
            var right = (_values[totalRow][c] ?? 0) + (_values[outRow][c] ?? 0);
            var present = _values[newRow][c] is not null && _values[inRow][c] is not null
                && _values[totalRow][c] is not null && _values[outRow][c] is not null;
            checks.Add(new ReportCheck("applications.balance", $"表三「{Columns[c]}」列：第一项 + 第二项 = 第三项（七）总计 + 第四项", present && left == right,
                $"{Cell.Show(_values[newRow][c])} + {Cell.Show(_values[inRow][c])} = {Cell.Show(left)}，" +
                $"{Cell.Show(_values[totalRow][c])} + {Cell.Show(_values[outRow][c])} = {Cell.Show(right)}",
                [Name(newRow, c), Name(inRow, c), Name(totalRow, c), Name(outRow, c)]));
        }
        return checks;
    }

    /// <summary>A cell's name for messages: 表三·（七）总计·自然人.</summary>
    public string Name(int row, int column)
    {
        var r = Rows[row];
        var label = r.GroupLabel is null ? r.Label : $"{r.GroupLabel}{r.Label}";
        return string.Create(CultureInfo.InvariantCulture, $"表三·{label}·{Columns[column]}");
    }
}

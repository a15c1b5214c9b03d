using Gongkai.Domain.Applications;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// Table 四 (政府信息公开行政复议、行政诉讼情况): one row of 15 numbers, the same in every format. Three
/// groups — 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉 — of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
/// </summary>
public sealed class ReviewLitigationTable
{
    public const int ColumnCount = 15;

    public static IReadOnlyList<string> GroupLabels { get; } = ["行政复议", "未经复议直接起诉", "复议后起诉"];
    public static IReadOnlyList<string> ResultLabels { get; } = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    /// <summary>Full column labels, e.g. 行政诉讼·复议后起诉·结果纠正.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        .. ResultLabels.Select(r => "行政复议·" + r),
        .. ResultLabels.Select(r => "行政诉讼·未经复议直接起诉·" + r),
        .. ResultLabels.Select(r => "行政诉讼·复议后起诉·" + r),
    ];

    private readonly decimal?[] _values = new decimal?[ColumnCount];

    public decimal? this[int column]
    {
        get => _values[column];
        set => _values[column] = value;
    }

    public IReadOnlyList<decimal?> Values => _values;

    /// <summary>The column of a kind and result (尚未审结 for pending cases).</summary>
    public static int ColumnOf(RemedyKind kind, RemedyResult result) => (int)kind * 5 + result switch
    {
        RemedyResult.Upheld => 0,
        RemedyResult.Corrected => 1,
        RemedyResult.Other => 2,
        _ => 3,
    };

    /// <summary>A computed table: the counts of the twelve result columns, each 总计 derived.</summary>
    public static ReviewLitigationTable FromCounts(Func<RemedyKind, RemedyResult, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var table = new ReviewLitigationTable();
        foreach (var kind in Enum.GetValues<RemedyKind>())
        {
            long total = 0;
            foreach (var result in new[] { RemedyResult.Upheld, RemedyResult.Corrected, RemedyResult.Other, RemedyResult.Pending })
            {
                var n = count(kind, result);
                table._values[ColumnOf(kind, result)] = n;
                total += n;
            }
            table._values[(int)kind * 5 + 4] = total;
        }
        return table;
    }

    /// <summary>Every cell a non-negative integer; each 总计 = the four columns before it.</summary>
    public IReadOnlyList<ReportCheck> Check()
    {
        var bad = Enumerable.Range(0, ColumnCount).Where(c => !Cell.IsNonNegativeInteger(_values[c])).ToList();
        var checks = new List<ReportCheck>
        {
            new("review.integers", "表四：每个单元格都是非负整数", bad.Count == 0,
                bad.Count == 0 ? "全部单元格均为非负整数" : "以下单元格不是非负整数：" + string.Join("；", bad.Select(c => $"{Name(c)} = {Cell.Show(_values[c])}")),
                [.. bad.Select(Name)]),
        };
        for (var g = 0; g < 3; g++)
        {
            var parts = Enumerable.Range(g * 5, 4).Select(c => _values[c]).ToArray();
            var sum = parts.Sum(v => v ?? 0);
            var total = _values[g * 5 + 4];
            checks.Add(new ReportCheck("review.total", $"表四「{GroupLabels[g]}」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                parts.All(v => v is not null) && total == sum,
                $"{string.Join(" + ", parts.Select(Cell.Show))} = {Cell.Show(sum)}，总计为 {Cell.Show(total)}",
                [.. Enumerable.Range(g * 5, 5).Select(Name)]));
        }
        return checks;
    }

    public static string Name(int column) => "表四·" + Columns[column];
}

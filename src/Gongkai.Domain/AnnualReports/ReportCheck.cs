namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// One cross-check (勾稽关系) and its result. <paramref name="Code"/> is stable for machines
/// (e.g. <c>applications.balance</c>); <paramref name="Rule"/> states the rule in Chinese; <paramref name="Detail"/>
/// names the cells and their numbers; <paramref name="Cells"/> lists the cells involved, e.g. 三·（七）总计·自然人.
/// </summary>
public sealed record ReportCheck(string Code, string Rule, bool Passed, string Detail, IReadOnlyList<string> Cells);

/// <summary>A number in a report table: missing or unreadable cells are null (only a parsed report has them).</summary>
internal static class Cell
{
    public static bool IsNonNegativeInteger(decimal? value) => value is { } v && v >= 0 && decimal.Truncate(v) == v;

    public static string Show(decimal? value) =>
        value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "（空）";
}

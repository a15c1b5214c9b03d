using System.Globalization;
using Gongkai.Domain.AnnualReports;
using Gongkai.Features.Documents;

namespace Gongkai.Features.AnnualReports.Documents;

/// <summary>
/// Tables 二, 三 and 四 of an annual report as <see cref="DocumentTable"/>s with the merged cells of the
/// published format (regulation.md §1.3–§1.5). The DOCX, the PDF and the XLSX are all written from these
/// tables, so the three files cannot disagree on a number or a merge.
/// </summary>
public static class AnnualReportTables
{
    /// <summary>Wide statistical tables are set smaller than the body's 小四 so labels fit (五号 and 小五).</summary>
    public const double ProactiveFontSize = 10.5;
    public const double ApplicationsFontSize = 9;
    public const double ReviewFontSize = 9;

    /// <summary>A figure as printed: blank for a missing cell, no trailing zeros (fees in 万元 keep their decimals).</summary>
    public static string Number(decimal? value) =>
        value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// Table 二: each block opens with a caption row across the width, then 「信息内容」 and its column labels,
    /// then one row per item. A block with one figure column spans the three figure columns (2021 (五)).
    /// </summary>
    public static DocumentTable Proactive(ProactiveTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        const int figures = 3;
        var result = new DocumentTable(2.2, 1.6, 1.6, 1.6) { FontSize = ProactiveFontSize };
        foreach (var block in table.Blocks)
        {
            result.Row(DocumentCell.Centered(block.Caption, colSpan: figures + 1));
            result.Row([DocumentCell.Centered("信息内容"), .. Spread(block.Columns.Count, figures, (i, span) => DocumentCell.Centered(block.Columns[i], colSpan: span))]);
            foreach (var row in block.Rows)
                result.Row([DocumentCell.Centered(row.Label), .. Spread(row.Keys.Count, figures, (i, span) => DocumentCell.Centered(Number(table[row.Keys[i]]), colSpan: span))]);
        }
        return result;
    }

    /// <summary>n cells over <paramref name="width"/> columns: the last one takes what is left.</summary>
    private static IEnumerable<DocumentCell> Spread(int n, int width, Func<int, int, DocumentCell> cell) =>
        Enumerable.Range(0, n).Select(i => cell(i, i == n - 1 ? width - n + 1 : 1));

    /// <summary>
    /// Table 三 in the 2021 and 2019 formats: three header rows (the note cell over the three label
    /// columns, 申请人情况, 自然人 and 总计 down two rows, 法人或其他组织 over its five kinds), then 一 and 二
    /// across the label columns, 「三、本年度办理结果」 down all outcome rows, the group labels （三）–（六）
    /// down their numbered sub-rows, and 四. The 2008-era report counted applications without the
    /// applicant breakdown: one label column and the 总计 figures.
    /// </summary>
    public static DocumentTable Applications(ApplicationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Format == ReportFormat.Narrative2008) return ApplicationsNarrative(table);

        var columns = ApplicationTable.Columns;
        var result = new DocumentTable([1.0, 1.3, 4.4, .. Enumerable.Repeat(1.3, ApplicationTable.ColumnCount)]) { FontSize = ApplicationsFontSize };
        result.HeaderRow(DocumentCell.Centered(ApplicationTableLayout.BalanceNote, rowSpan: 3, colSpan: 3), DocumentCell.Centered("申请人情况", colSpan: 7));
        result.HeaderRow(DocumentCell.Centered(columns[0], rowSpan: 2), DocumentCell.Centered("法人或其他组织", colSpan: 5), DocumentCell.Centered(columns[6], rowSpan: 2));
        result.HeaderRow([.. columns.Skip(1).Take(5).Select(c => DocumentCell.Centered(c))]);

        var rows = table.Rows;
        var outcomeRows = rows.Count(r => r.Kind != ApplicationRowKind.Top);
        var resultsOpened = false;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var cells = new List<DocumentCell>();
            switch (row.Kind)
            {
                case ApplicationRowKind.Top:
                    cells.Add(new DocumentCell(row.Label, ColSpan: 3));
                    break;
                case ApplicationRowKind.Outcome:
                    if (!resultsOpened) cells.Add(DocumentCell.Centered(ApplicationTableLayout.ResultsLabel, rowSpan: outcomeRows));
                    resultsOpened = true;
                    cells.Add(new DocumentCell(row.Label, ColSpan: 2));
                    break;
                case ApplicationRowKind.OutcomeSub:
                    if (!resultsOpened) cells.Add(DocumentCell.Centered(ApplicationTableLayout.ResultsLabel, rowSpan: outcomeRows));
                    resultsOpened = true;
                    if (r == 0 || rows[r - 1].GroupLabel != row.GroupLabel)
                        cells.Add(new DocumentCell(row.GroupLabel!, RowSpan: rows.Skip(r).TakeWhile(x => x.GroupLabel == row.GroupLabel).Count()));
                    cells.Add(new DocumentCell(row.Label));
                    break;
            }
            cells.AddRange(table.Row(r).Select(v => DocumentCell.Centered(Number(v))));
            result.Row([.. cells]);
        }
        return result;
    }

    private static DocumentTable ApplicationsNarrative(ApplicationTable table)
    {
        var result = new DocumentTable(5, 1.6) { FontSize = ProactiveFontSize };
        result.HeaderRow("项目", "数量（件）");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var label = row.Kind == ApplicationRowKind.Top ? row.Label : "　　" + row.Label;
            result.Row(new DocumentCell(label), DocumentCell.Centered(Number(table[r, ApplicationTable.TotalColumn])));
        }
        return result;
    }

    /// <summary>
    /// Table 四: 行政复议 over its five results (each down two rows), 行政诉讼 over 未经复议直接起诉 and
    /// 复议后起诉 with five results each, then the one row of 15 numbers; no row label.
    /// </summary>
    public static DocumentTable ReviewLitigation(ReviewLitigationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var results = ReviewLitigationTable.ResultLabels;
        var result = new DocumentTable([.. Enumerable.Repeat(1.0, ReviewLitigationTable.ColumnCount)]) { FontSize = ReviewFontSize };
        result.HeaderRow(DocumentCell.Centered(ReviewLitigationTable.GroupLabels[0], colSpan: 5), DocumentCell.Centered("行政诉讼", colSpan: 10));
        result.HeaderRow(
        [
            .. results.Select(r => DocumentCell.Centered(r, rowSpan: 2)),
            DocumentCell.Centered(ReviewLitigationTable.GroupLabels[1], colSpan: 5),
            DocumentCell.Centered(ReviewLitigationTable.GroupLabels[2], colSpan: 5),
        ]);
        result.HeaderRow([.. results.Concat(results).Select(r => DocumentCell.Centered(r))]);
        result.Row([.. table.Values.Select(v => DocumentCell.Centered(Number(v)))]);
        return result;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// The report as the HTML body of its catalogue item (and the staff preview): preamble, sections, and tables
/// 二, 三 and 四 with the merged cells of the official format (regulation.md §1.3–1.5). Only tags and
/// attributes the catalogue's HTML cleaner keeps (table, th, td, colspan, rowspan) are used.
/// </summary>
public static class ReportHtml
{
    public static string Render(AnnualReportContent report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        P(html, $"根据《中华人民共和国政府信息公开条例》和{report.Format.Basis()}要求，{report.BodyName}编制{report.Year}年政府信息公开工作年度报告。" +
            $"本报告统计期限为{report.Period}。");
        foreach (var section in report.Sections)
        {
            html.Append("<h2>").Append(E(section.Heading)).Append("</h2>\n");
            Paragraphs(html, section.Text);
            foreach (var sub in section.Subsections)
            {
                html.Append("<h3>").Append(E(sub.Heading)).Append("</h3>\n");
                Paragraphs(html, sub.Text);
            }
            switch (ReportSections.TableOf(section.Key))
            {
                case ReportTable.Proactive: Proactive(html, report.Proactive); break;
                case ReportTable.Applications: Applications(html, report.Applications); break;
                case ReportTable.ReviewLitigation: Review(html, report.ReviewLitigation); break;
                default: break;
            }
        }
        // The same report as files; a published report's routes serve its frozen snapshot, so the numbers match.
        var query = "?body=" + Uri.EscapeDataString(report.Body);
        html.Append("<p class=\"report-files\">下载：")
            .Append($"<a href=\"/api/reports/annual/{report.Year}.docx{query}\">Word 版</a>　")
            .Append($"<a href=\"/api/reports/annual/{report.Year}.pdf{query}\">PDF 版</a>　")
            .Append($"<a href=\"/api/reports/annual/{report.Year}.xlsx{query}\">Excel 统计表</a></p>\n");
        return html.ToString();
    }

    public static void Proactive(StringBuilder html, ProactiveTable table)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(table);
        var width = table.Blocks.Max(b => b.Columns.Count);
        html.Append("<table>\n");
        foreach (var block in table.Blocks)
        {
            html.Append($"<tr><th colspan=\"{width + 1}\">").Append(E(block.Caption)).Append("</th></tr>\n");
            html.Append("<tr><th>信息内容</th>");
            Spread(html, block.Columns.Select(E).ToList(), width, "th");
            html.Append("</tr>\n");
            foreach (var row in block.Rows)
            {
                html.Append("<tr><td>").Append(E(row.Label)).Append("</td>");
                Spread(html, row.Keys.Select(k => Number(table[k])).ToList(), width, "td");
                html.Append("</tr>\n");
            }
        }
        html.Append("</table>\n");
    }

    /// <summary>The last cell of a short row spans the columns left (本年处理决定数量 spans three).</summary>
    private static void Spread(StringBuilder html, List<string> cells, int width, string tag)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var span = i == cells.Count - 1 ? width - cells.Count + 1 : 1;
            html.Append('<').Append(tag).Append(span > 1 ? $" colspan=\"{span}\"" : "").Append('>').Append(cells[i]).Append("</").Append(tag).Append('>');
        }
    }

    public static void Applications(StringBuilder html, ApplicationTable table)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(table);
        var columns = ApplicationTable.Columns;
        html.Append("<table>\n");
        html.Append("<tr><th colspan=\"3\" rowspan=\"3\">").Append(E(ApplicationTableLayout.BalanceNote)).Append("</th><th colspan=\"7\">申请人情况</th></tr>\n");
        html.Append($"<tr><th rowspan=\"2\">{E(columns[0])}</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">{E(columns[6])}</th></tr>\n");
        html.Append("<tr>");
        for (var c = 1; c <= 5; c++) html.Append("<th>").Append(E(columns[c])).Append("</th>");
        html.Append("</tr>\n");

        var resultRows = table.Rows.Count(r => r.Kind != ApplicationRowKind.Top);
        var resultsOpened = false;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            html.Append("<tr>");
            if (row.Kind == ApplicationRowKind.Top)
                html.Append("<td colspan=\"3\">").Append(E(row.Label)).Append("</td>");
            else
            {
                if (!resultsOpened)
                {
                    html.Append($"<td rowspan=\"{resultRows}\">").Append(E(ApplicationTableLayout.ResultsLabel)).Append("</td>");
                    resultsOpened = true;
                }
                if (row.Kind == ApplicationRowKind.Outcome)
                    html.Append("<td colspan=\"2\">").Append(E(row.Label)).Append("</td>");
                else
                {
                    if (r == 0 || table.Rows[r - 1].GroupLabel != row.GroupLabel)
                    {
                        var span = table.Rows.Skip(r).TakeWhile(x => x.GroupLabel == row.GroupLabel).Count();
                        html.Append($"<td rowspan=\"{span}\">").Append(E(row.GroupLabel ?? "")).Append("</td>");
                    }
                    html.Append("<td>").Append(E(row.Label)).Append("</td>");
                }
            }
            foreach (var value in table.Row(r)) html.Append("<td>").Append(Number(value)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    public static void Review(StringBuilder html, ReviewLitigationTable table)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(table);
        var results = ReviewLitigationTable.ResultLabels;
        html.Append("<table>\n<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n<tr>");
        foreach (var label in results) html.Append("<th rowspan=\"2\">").Append(E(label)).Append("</th>");
        html.Append("<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>");
        for (var g = 0; g < 2; g++)
            foreach (var label in results) html.Append("<th>").Append(E(label)).Append("</th>");
        html.Append("</tr>\n<tr>");
        foreach (var value in table.Values) html.Append("<td>").Append(Number(value)).Append("</td>");
        html.Append("</tr>\n</table>\n");
    }

    private static void Paragraphs(StringBuilder html, string text)
    {
        foreach (var line in (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            if (!string.IsNullOrWhiteSpace(line)) P(html, line.Trim());
    }

    private static void P(StringBuilder html, string text) => html.Append("<p>").Append(E(text)).Append("</p>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Number(decimal? value) =>
        value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";
}

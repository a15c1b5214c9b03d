using System.Text.Json.Serialization;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Features.AnnualReports.Lint;

/// <summary>
/// What the linter found in a published report: the format its table 三 follows ("2021" or "2019"), the
/// cross-checks (勾稽关系) of tables 三 and 四 with the cells each involves, and what it could not read.
/// </summary>
public sealed record LintReport(string Source, string? Format, IReadOnlyList<ReportCheck> Checks, IReadOnlyList<string> Problems)
{
    [JsonIgnore] public ApplicationTable? Applications { get; init; }
    [JsonIgnore] public ReviewLitigationTable? ReviewLitigation { get; init; }
}

/// <summary>
/// Reads someone else's published annual report (an HTML page or a .docx) and runs the cross-checks of
/// regulation.md §1.4–§1.5 on its tables 三 and 四: table 三 is found by its row labels, matched loosely
/// (<see cref="ReportLabels"/>), in the 2021 or the 2019 layout; table 四 is the row of 15 numbers after
/// the header naming 行政复议 and 行政诉讼. Blank cells are read as missing, other non-numbers too and
/// are listed, so every check they take part in fails and names them.
/// </summary>
public static class AnnualReportLinter
{
    /// <summary>The largest upload or pasted text read; a report page with its tables is far smaller.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static LintReport LintHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (string.IsNullOrWhiteSpace(html)) throw new LintInputException(400, "内容为空：请粘贴年度报告的网页源代码或正文，或上传 .html / .docx 文件。");
        if (html.Length > MaxBytes) throw new LintInputException(413, $"内容过大：文件或文本不能超过 {MaxBytes / 1024 / 1024} MB。");
        if (html.Contains('\0')) throw new LintInputException(415, "内容不是文本：请上传 .html 或 .docx 文件，或粘贴网页源代码。");
        var problems = new List<string>();
        return Lint("html", HtmlReportTables.Read(html, problems), problems);
    }

    public static LintReport LintDocx(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) throw new LintInputException(400, "上传的文件为空。");
        return Lint("docx", DocxReportTables.Read(content), []);
    }

    /// <summary>A file by its name: .docx, or .html/.htm in UTF-8 or GB2312/GBK.</summary>
    public static LintReport LintFile(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.Length == 0) throw new LintInputException(400, "上传的文件为空。");
        return extension switch
        {
            ".docx" => LintDocx(content),
            ".html" or ".htm" or ".shtml" => LintHtml(HtmlReportTables.Decode(content)),
            ".doc" => throw new LintInputException(415, "不支持旧版 Word 文件（.doc）：请另存为 .docx 后上传。"),
            _ => throw new LintInputException(415, "不支持的文件类型：请上传 .docx 或 .html / .htm 文件。"),
        };
    }

    private static LintReport Lint(string source, IReadOnlyList<TextGrid> grids, List<string> problems)
    {
        if (grids.Count == 0)
            throw new LintInputException(422, "内容中没有表格：未找到年度报告的表三（收到和处理政府信息公开申请情况）和表四（行政复议、行政诉讼情况）。如表格以图片发布，无法校验。");

        var applications = ReadApplications(grids, problems);
        var review = ReadReviewLitigation(grids, problems);
        if (applications is null && review is null)
            throw new LintInputException(422, "未找到年度报告的表三（收到和处理政府信息公开申请情况）和表四（行政复议、行政诉讼情况）：请确认内容是政府信息公开工作年度报告。");
        if (applications is null) problems.Add("未找到表三（收到和处理政府信息公开申请情况）：没有识别出「一、本年新收政府信息公开申请数量」等行。");
        if (review is null) problems.Add("未找到表四（政府信息公开行政复议、行政诉讼情况）：没有识别出表头「行政复议」「行政诉讼」之后的15个数字。");

        IReadOnlyList<ReportCheck> checks = [.. applications?.Check() ?? [], .. review?.Check() ?? []];
        return new LintReport(source, applications?.Format.Code(), checks, problems) { Applications = applications, ReviewLitigation = review };
    }

    /// <summary>A row read from a grid: its label cells joined and normalized, and its last seven cells.</summary>
    private sealed record CandidateRow(string Label, IReadOnlyList<string> Values);

    private static ApplicationTable? ReadApplications(IReadOnlyList<TextGrid> grids, List<string> problems)
    {
        var candidates = grids
            .Where(g => g.Width >= ApplicationTable.ColumnCount + 1)
            .SelectMany(g => g.Rows)
            .Select(r => new CandidateRow(
                ReportLabels.Normalize(string.Concat(Distinct(r.Take(r.Count - ApplicationTable.ColumnCount)))),
                [.. r.Skip(r.Count - ApplicationTable.ColumnCount)]))
            .Where(r => r.Label.Length > 0)
            .ToList();

        // The layout with more rows found wins; the 2021 layout differs only in （六）'s three sub-rows.
        var best = new[] { ReportFormat.Format2021, ReportFormat.Format2019 }
            .Select(f => (Format: f, Matches: Match(ApplicationTableLayout.Rows(f), candidates)))
            .OrderByDescending(x => x.Matches.Count(m => m is not null))
            .First();
        var found = best.Matches.Count(m => m is not null);
        // One or two stray matches (a sentence that happens to end like a label) do not make a table.
        if (found < 3) return null;

        var table = new ApplicationTable(best.Format);
        var missing = new List<string>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (best.Matches[r] is not { } row)
            {
                missing.Add(table.Rows[r].GroupLabel is { } g ? g + table.Rows[r].Label : table.Rows[r].Label);
                continue;
            }
            for (var c = 0; c < ApplicationTable.ColumnCount; c++)
            {
                table[r, c] = ReportLabels.Number(row.Values[c], out var readable);
                if (!readable) problems.Add($"{table.Name(r, c)}：「{row.Values[c]}」不是数字，按空白处理。");
            }
        }
        if (missing.Count > 0) problems.Add($"表三（按{best.Format.Code()}年格式）缺少以下行，其数字按空白处理：{string.Join("；", missing)}。");
        return table;
    }

    /// <summary>For each row of the layout, the first candidate whose label matches it (each candidate used once).</summary>
    private static CandidateRow?[] Match(IReadOnlyList<ApplicationRow> layout, List<CandidateRow> candidates)
    {
        var used = new HashSet<CandidateRow>(ReferenceEqualityComparer.Instance);
        return [.. layout.Select(row =>
        {
            var hit = candidates.FirstOrDefault(c => !used.Contains(c) && ReportLabels.Matches(c.Label, row));
            if (hit is not null) used.Add(hit);
            return hit;
        })];
    }

    /// <summary>Texts of consecutive slots, a merged cell's text once.</summary>
    private static IEnumerable<string> Distinct(IEnumerable<string> slots)
    {
        string? last = null;
        foreach (var s in slots)
        {
            if (s != last && s.Length > 0) yield return s;
            last = s;
        }
    }

    private static ReviewLitigationTable? ReadReviewLitigation(IReadOnlyList<TextGrid> grids, List<string> problems)
    {
        const int n = ReviewLitigationTable.ColumnCount;
        foreach (var grid in grids.Where(g => g.Width >= n))
        {
            var header = grid.Rows.Select((r, i) => (r, i)).FirstOrDefault(x => string.Concat(x.r).Contains("行政复议", StringComparison.Ordinal)).r;
            if (header is null || !grid.Text.Contains("行政诉讼", StringComparison.Ordinal) || !grid.Text.Contains("结果维持", StringComparison.Ordinal)) continue;
            var start = grid.Rows.ToList().IndexOf(header);
            foreach (var row in grid.Rows.Skip(start + 1))
            {
                var last = row.Skip(row.Count - n).ToList();
                var numbers = last.Select(t => ReportLabels.Number(t, out _)).ToList();
                // The header rows hold words; the data row is the first one mostly of figures.
                if (numbers.Count(v => v is not null) < n / 2) continue;
                var table = new ReviewLitigationTable();
                for (var c = 0; c < n; c++)
                {
                    table[c] = ReportLabels.Number(last[c], out var readable);
                    if (!readable) problems.Add($"{ReviewLitigationTable.Name(c)}：「{last[c]}」不是数字，按空白处理。");
                }
                return table;
            }
        }
        return null;
    }
}

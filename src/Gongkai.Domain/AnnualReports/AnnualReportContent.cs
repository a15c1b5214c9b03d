namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// A whole annual report (政府信息公开工作年度报告, 《条例》第四十九条、第五十条): which body and year, its
/// format, the sections' texts and tables 二, 三 and 四. The HTML page, the DOCX, the PDF, the XLSX and
/// the API are all written from this one object, so their numbers cannot differ.
/// </summary>
/// <param name="Body">The reporting body's code: a department's code, or <c>gov</c> for the district government.</param>
/// <param name="BodyName">The body's name as it signs the report, e.g. 某某区人民政府.</param>
public sealed record AnnualReportContent(
    int Year,
    string Body,
    string BodyName,
    ReportFormat Format,
    IReadOnlyList<ReportSection> Sections,
    ProactiveTable Proactive,
    ApplicationTable Applications,
    ReviewLitigationTable ReviewLitigation)
{
    public const string GovernmentBody = "gov";

    /// <summary>The report's title, e.g. 某某区人民政府2025年政府信息公开工作年度报告.</summary>
    public string Title => $"{BodyName}{Year}年政府信息公开工作年度报告";

    /// <summary>The preamble's statistics period: 统计期限为2025年1月1日至2025年12月31日.</summary>
    public string Period => $"{Year}年1月1日至{Year}年12月31日";

    /// <summary>All cross-checks (勾稽关系) of tables 二, 三 and 四; publication is blocked while any fails.</summary>
    public IReadOnlyList<ReportCheck> Checks() =>
        [.. Proactive.Check(), .. Applications.Check(), .. ReviewLitigation.Check()];

    public bool Passes() => Checks().All(c => c.Passed);
}

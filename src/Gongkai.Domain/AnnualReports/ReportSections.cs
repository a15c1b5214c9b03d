namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// A section of the report: its stable <paramref name="Key"/> (<c>overview</c>, <c>overview.platform</c>,
/// <c>proactive</c> …), its heading as printed, its text (paragraphs separated by blank lines) and sub-sections.
/// Which table a section carries follows from its key (<see cref="ReportSections.TableOf"/>).
/// </summary>
public sealed record ReportSection(string Key, string Heading, string Text, IReadOnlyList<ReportSection> Subsections);

/// <summary>A section heading of a format, with its sub-headings (the five parts of 一、总体情况).</summary>
public sealed record SectionHeading(string Key, string Heading, IReadOnlyList<SectionHeading> Subsections);

/// <summary>
/// The section headings of each format (regulation.md §1.2). 30号 and 60号 fix the six headings; the five
/// sub-headings of 一、总体情况 are the areas 30号 asks it to cover (主动公开、依申请公开、政府信息管理、
/// 政府信息公开平台建设、监督保障). The 2008-era headings follow the contents of 2007 条例第三十二条.
/// </summary>
public static class ReportSections
{
    public const string Overview = "overview", Proactive = "proactive", Applications = "applications",
        Fees = "fees", Review = "review", Problems = "problems", Other = "other";

    private static readonly SectionHeading[] Current =
    [
        new(Overview, "一、总体情况",
        [
            new("overview.proactive", "（一）主动公开", []),
            new("overview.on-request", "（二）依申请公开", []),
            new("overview.management", "（三）政府信息管理", []),
            new("overview.platform", "（四）政府信息公开平台建设", []),
            new("overview.supervision", "（五）监督保障", []),
        ]),
        new(Proactive, "二、主动公开政府信息情况", []),
        new(Applications, "三、收到和处理政府信息公开申请情况", []),
        new(Review, "四、政府信息公开行政复议、行政诉讼情况", []),
        new(Problems, "五、存在的主要问题及改进情况", []),
        new(Other, "六、其他需要报告的事项", []),
    ];

    private static readonly SectionHeading[] Narrative =
    [
        new(Overview, "一、概述", []),
        new(Proactive, "二、主动公开政府信息情况", []),
        new(Applications, "三、依申请公开政府信息情况", []),
        new(Fees, "四、政府信息公开的收费及减免情况", []),
        new(Review, "五、因政府信息公开申请行政复议、提起行政诉讼的情况", []),
        new(Problems, "六、政府信息公开工作存在的主要问题及改进情况", []),
        new(Other, "七、其他需要报告的事项", []),
    ];

    public static IReadOnlyList<SectionHeading> Headings(ReportFormat format) =>
        format == ReportFormat.Narrative2008 ? Narrative : Current;

    /// <summary>Every key a format's text can be stored under (sections and sub-sections).</summary>
    public static IEnumerable<string> Keys(ReportFormat format) =>
        Headings(format).SelectMany(h => new[] { h.Key }.Concat(h.Subsections.Select(s => s.Key)));

    /// <summary>The table printed in a section: 二, 三, 四 (or none).</summary>
    public static ReportTable TableOf(string key) => key switch
    {
        Proactive => ReportTable.Proactive,
        Applications => ReportTable.Applications,
        Review => ReportTable.ReviewLitigation,
        _ => ReportTable.None,
    };

    /// <summary>Builds the sections of a format from texts by key (missing texts are empty).</summary>
    public static IReadOnlyList<ReportSection> Build(ReportFormat format, Func<string, string?> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return
        [
            .. Headings(format).Select(h => new ReportSection(h.Key, h.Heading, text(h.Key) ?? "",
                [.. h.Subsections.Select(s => new ReportSection(s.Key, s.Heading, text(s.Key) ?? "", []))])),
        ];
    }
}

public enum ReportTable { None, Proactive, Applications, ReviewLitigation }

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// The layout a year's report follows: 国办公开办函〔2021〕30号 from the 2021 report on, 国办公开办函〔2019〕60号
/// for 2019 and 2020, and for earlier years the narrative report of the 2007 条例 (第三十二条) with the
/// statistics of that era. The value is the year the format's code names.
/// </summary>
public enum ReportFormat
{
    /// <summary>2007 条例 era (reports for 2008–2018): a narrative report with simple statistics.</summary>
    Narrative2008 = 2008,
    /// <summary>国办公开办函〔2019〕60号, the 2019 and 2020 reports.</summary>
    Format2019 = 2019,
    /// <summary>国办公开办函〔2021〕30号, the 2021 report onwards.</summary>
    Format2021 = 2021,
}

public static class ReportFormats
{
    /// <summary>The first year the 2007 条例 applied (it took effect on 2008-05-01).</summary>
    public const int FirstYear = 2008;

    public static ReportFormat ForYear(int year) => year switch
    {
        >= 2021 => ReportFormat.Format2021,
        >= 2019 => ReportFormat.Format2019,
        _ => ReportFormat.Narrative2008,
    };

    /// <summary>"2021", "2019" or "2008", as the API names it.</summary>
    public static string Code(this ReportFormat format) => ((int)format).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The document that fixes the format, cited in the report's preamble.</summary>
    public static string Basis(this ReportFormat format) => format switch
    {
        ReportFormat.Format2021 => "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
        ReportFormat.Format2019 => "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
        _ => "《中华人民共和国政府信息公开条例》（2007年）第三十一条、第三十二条",
    };

    /// <summary>
    /// The publication deadline of the report on <paramref name="year"/>. 2019 条例第四十九条: departments by
    /// 1月31日 and people's governments by 3月31日 of the next year. Reports on years before 2019 fell under
    /// the 2007 条例第三十一条: 3月31日 for every body.
    /// </summary>
    public static DateOnly Deadline(int year, bool isGovernment) =>
        isGovernment || year < 2019 ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);
}

using Gongkai.Domain.Applications;

namespace Gongkai.Domain.AnnualReports;

/// <summary>Where a row of table 三 sits in the three label columns.</summary>
public enum ApplicationRowKind
{
    /// <summary>一、二、四: the label spans all three label columns.</summary>
    Top,
    /// <summary>A row of 三、本年度办理结果 with its own label over two columns: （一）, （二）, a group without sub-rows, （七）.</summary>
    Outcome,
    /// <summary>A numbered sub-row of a group label （三）–（六）, which is a merged cell over its sub-rows.</summary>
    OutcomeSub,
}

/// <summary>
/// A row of table 三. <paramref name="Key"/> is stable (<c>new</c>, <c>carried-in</c>, an outcome code such as
/// <c>refused.third-party</c>, <c>total</c>, <c>carried-out</c>); <paramref name="Label"/> is the text exactly as the
/// format prints it; <paramref name="GroupLabel"/> is the merged group cell of a sub-row.
/// </summary>
public sealed record ApplicationRow(string Key, string Label, ApplicationRowKind Kind, string? GroupLabel = null);

/// <summary>
/// The rows of table 三 (收到和处理政府信息公开申请情况) for each format, exactly as published
/// (regulation.md §1.4), and which row an application's outcome is counted in.
/// </summary>
public static class ApplicationTableLayout
{
    public const string New = "new", CarriedIn = "carried-in", Total = "total", CarriedOut = "carried-out";

    /// <summary>The 7 number columns: 自然人, the five kinds of 法人或其他组织, 总计 (no subtotal column).</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. ApplicantTypes.All.Select(t => t.Label()), "总计"];

    /// <summary>The printed note of the header cell over the label columns.</summary>
    public const string BalanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public const string ResultsLabel = "三、本年度办理结果";
    public const string OutcomeTotalLabel = "（七）总计";

    private static readonly ApplicationRow[] Rows2021 = Build(splitOther: true);
    private static readonly ApplicationRow[] Rows2019 = Build(splitOther: false);

    private static readonly ApplicationRow[] Rows2008 =
    [
        new(New, "一、本年收到政府信息公开申请数量", ApplicationRowKind.Top),
        new(CarriedIn, "二、上年结转政府信息公开申请数量", ApplicationRowKind.Top),
        new("granted", "（一）同意公开", ApplicationRowKind.Outcome),
        new("partial", "（二）同意部分公开", ApplicationRowKind.Outcome),
        new("refused", "（三）不予公开", ApplicationRowKind.Outcome),
        new("unavailable", "（四）信息不存在或不属于本机关掌握", ApplicationRowKind.Outcome),
        new("unclear", "（五）申请内容不明确", ApplicationRowKind.Outcome),
        new("other", "（六）其他", ApplicationRowKind.Outcome),
        new(Total, OutcomeTotalLabel, ApplicationRowKind.Outcome),
        new(CarriedOut, "四、结转下年度继续办理", ApplicationRowKind.Top),
    ];

    private static ApplicationRow[] Build(bool splitOther)
    {
        var rows = new List<ApplicationRow>
        {
            new(New, "一、本年新收政府信息公开申请数量", ApplicationRowKind.Top),
            new(CarriedIn, "二、上年结转政府信息公开申请数量", ApplicationRowKind.Top),
        };
        foreach (var info in ReplyOutcomes.All)
        {
            if (info.Group is OutcomeGroup.Granted or OutcomeGroup.Partial)
                rows.Add(new(info.Code, info.ReportLabel, ApplicationRowKind.Outcome));
            else if (info.Group == OutcomeGroup.Other && !splitOther)
            {
                // 60号 has （六）其他处理 as one row without sub-items.
                if (info.Outcome == ReplyOutcome.OtherNoCorrection) rows.Add(new("other", info.GroupLabel, ApplicationRowKind.Outcome));
            }
            else
                rows.Add(new(info.Code, info.ReportLabel, ApplicationRowKind.OutcomeSub, info.GroupLabel));
        }
        rows.Add(new(Total, OutcomeTotalLabel, ApplicationRowKind.Outcome));
        rows.Add(new(CarriedOut, "四、结转下年度继续办理", ApplicationRowKind.Top));
        return [.. rows];
    }

    /// <summary>The rows in printed order: 25 for 2021, 23 for 2019, 10 for the 2008 era.</summary>
    public static IReadOnlyList<ApplicationRow> Rows(ReportFormat format) => format switch
    {
        ReportFormat.Format2021 => Rows2021,
        ReportFormat.Format2019 => Rows2019,
        _ => Rows2008,
    };

    /// <summary>The row key an outcome is counted under in <paramref name="format"/>.</summary>
    public static string RowFor(ReplyOutcome outcome, ReportFormat format)
    {
        var info = outcome.Info();
        return format switch
        {
            ReportFormat.Format2021 => info.Code,
            ReportFormat.Format2019 => info.Group == OutcomeGroup.Other ? "other" : info.Code,
            // The 2007 条例第二十一条 knew four kinds of reply; 补正后仍不明确 and 逾期不补正 both end an unclear application.
            _ => info.Group switch
            {
                OutcomeGroup.Granted => "granted",
                OutcomeGroup.Partial => "partial",
                OutcomeGroup.Refused => "refused",
                OutcomeGroup.Unavailable when outcome == ReplyOutcome.UnavailableUnclearAfterCorrection => "unclear",
                OutcomeGroup.Unavailable => "unavailable",
                OutcomeGroup.Other when outcome == ReplyOutcome.OtherNoCorrection => "unclear",
                _ => "other",
            },
        };
    }

    /// <summary>True for the rows that add up to （七）总计: every row between 二 and （七）.</summary>
    public static bool IsOutcomeRow(ApplicationRow row) =>
        row.Kind is ApplicationRowKind.Outcome or ApplicationRowKind.OutcomeSub && row.Key != Total;
}

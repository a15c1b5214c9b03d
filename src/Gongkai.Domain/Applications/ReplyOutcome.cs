namespace Gongkai.Domain.Applications;

/// <summary>
/// How an application ended: exactly one of the outcome rows of the annual report's table 三
/// (国办公开办函〔2021〕30号), in the report's row order. The value is the row's position (1–21).
/// </summary>
public enum ReplyOutcome
{
    Granted = 1,
    Partial = 2,
    RefusedStateSecret = 3,
    RefusedLawProhibits = 4,
    RefusedThreeSafeties = 5,
    RefusedThirdParty = 6,
    RefusedInternalAffairs = 7,
    RefusedProcessInfo = 8,
    RefusedEnforcementFile = 9,
    RefusedQueryMatter = 10,
    UnavailableNotHeld = 11,
    UnavailableNeedsCreation = 12,
    UnavailableUnclearAfterCorrection = 13,
    NotHandledPetition = 14,
    NotHandledRepeat = 15,
    NotHandledPublication = 16,
    NotHandledExcessive = 17,
    NotHandledConfirmation = 18,
    OtherNoCorrection = 19,
    OtherUnpaidFee = 20,
    OtherOther = 21,
}

/// <summary>The report's outcome groups （一）–（六）.</summary>
public enum OutcomeGroup
{
    /// <summary>（一）予以公开.</summary>
    Granted = 1,
    /// <summary>（二）部分公开.</summary>
    Partial = 2,
    /// <summary>（三）不予公开.</summary>
    Refused = 3,
    /// <summary>（四）无法提供.</summary>
    Unavailable = 4,
    /// <summary>（五）不予处理.</summary>
    NotHandled = 5,
    /// <summary>（六）其他处理.</summary>
    Other = 6,
}

/// <summary>One outcome row of the report.</summary>
/// <param name="Code">The API code, e.g. <c>refused.third-party</c> (fixed by issue 4).</param>
/// <param name="Name">The row's wording without its number, e.g. 保护第三方合法权益.</param>
/// <param name="ReportLabel">The row label exactly as the 2021 format prints it, e.g. 4.保护第三方合法权益.</param>
/// <param name="Group">The group the row sits in.</param>
/// <param name="GroupLabel">The group label as printed, e.g. （三）不予公开.</param>
/// <param name="Basis">
/// The legal basis a reply letter (告知书) cites, under the 2019 条例; null where no article names the
/// case (不予处理 5, 其他处理 3). Which article each row rests on is inferred (regulation.md §1.4).
/// </param>
public sealed record OutcomeInfo(ReplyOutcome Outcome, string Code, string Name, string ReportLabel, OutcomeGroup Group, string GroupLabel, string? Basis);

public static class ReplyOutcomes
{
    private const string Act = "《中华人民共和国政府信息公开条例》";
    private const string Refused = "（三）不予公开";
    private const string Unavailable = "（四）无法提供";
    private const string NotHandled = "（五）不予处理";
    private const string Other = "（六）其他处理";

    /// <summary>The 21 rows in the report's order.</summary>
    public static IReadOnlyList<OutcomeInfo> All { get; } =
    [
        new(ReplyOutcome.Granted, "granted", "予以公开", "（一）予以公开", OutcomeGroup.Granted, "（一）予以公开",
            Act + "第三十六条第（一）项、第（二）项"),
        new(ReplyOutcome.Partial, "partial", "部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", OutcomeGroup.Partial,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Act + "第三十七条"),
        new(ReplyOutcome.RefusedStateSecret, "refused.state-secret", "属于国家秘密", "1.属于国家秘密", OutcomeGroup.Refused, Refused,
            Act + "第十四条、第三十六条第（三）项"),
        new(ReplyOutcome.RefusedLawProhibits, "refused.law-prohibits", "其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", OutcomeGroup.Refused, Refused,
            Act + "第十四条、第三十六条第（三）项"),
        new(ReplyOutcome.RefusedThreeSafeties, "refused.three-safeties", "危及“三安全一稳定”", "3.危及“三安全一稳定”", OutcomeGroup.Refused, Refused,
            Act + "第十四条、第三十六条第（三）项"),
        new(ReplyOutcome.RefusedThirdParty, "refused.third-party", "保护第三方合法权益", "4.保护第三方合法权益", OutcomeGroup.Refused, Refused,
            Act + "第十五条、第三十六条第（三）项"),
        new(ReplyOutcome.RefusedInternalAffairs, "refused.internal-affairs", "属于三类内部事务信息", "5.属于三类内部事务信息", OutcomeGroup.Refused, Refused,
            Act + "第十六条第一款、第三十六条第（三）项"),
        new(ReplyOutcome.RefusedProcessInfo, "refused.process-info", "属于四类过程性信息", "6.属于四类过程性信息", OutcomeGroup.Refused, Refused,
            Act + "第十六条第二款、第三十六条第（三）项"),
        new(ReplyOutcome.RefusedEnforcementFile, "refused.enforcement-file", "属于行政执法案卷", "7.属于行政执法案卷", OutcomeGroup.Refused, Refused,
            Act + "第十六条第二款、第三十六条第（三）项"),
        new(ReplyOutcome.RefusedQueryMatter, "refused.query-matter", "属于行政查询事项", "8.属于行政查询事项", OutcomeGroup.Refused, Refused,
            Act + "第三十六条第（七）项"),
        new(ReplyOutcome.UnavailableNotHeld, "unavailable.not-held", "本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息", OutcomeGroup.Unavailable, Unavailable,
            Act + "第三十六条第（四）项、第（五）项"),
        new(ReplyOutcome.UnavailableNeedsCreation, "unavailable.needs-creation", "没有现成信息需要另行制作", "2.没有现成信息需要另行制作", OutcomeGroup.Unavailable, Unavailable,
            Act + "第三十八条"),
        new(ReplyOutcome.UnavailableUnclearAfterCorrection, "unavailable.unclear-after-correction", "补正后申请内容仍不明确", "3.补正后申请内容仍不明确", OutcomeGroup.Unavailable, Unavailable,
            Act + "第三十条"),
        new(ReplyOutcome.NotHandledPetition, "not-handled.petition", "信访举报投诉类申请", "1.信访举报投诉类申请", OutcomeGroup.NotHandled, NotHandled,
            Act + "第三十九条第一款"),
        new(ReplyOutcome.NotHandledRepeat, "not-handled.repeat", "重复申请", "2.重复申请", OutcomeGroup.NotHandled, NotHandled,
            Act + "第三十六条第（六）项"),
        new(ReplyOutcome.NotHandledPublication, "not-handled.publication", "要求提供公开出版物", "3.要求提供公开出版物", OutcomeGroup.NotHandled, NotHandled,
            Act + "第三十九条第二款"),
        new(ReplyOutcome.NotHandledExcessive, "not-handled.excessive", "无正当理由大量反复申请", "4.无正当理由大量反复申请", OutcomeGroup.NotHandled, NotHandled,
            Act + "第三十五条"),
        // No article names this case (regulation.md §1.4: UNCONFIRMED); the letter states the reasons only.
        new(ReplyOutcome.NotHandledConfirmation, "not-handled.confirmation", "要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息", OutcomeGroup.NotHandled, NotHandled,
            null),
        new(ReplyOutcome.OtherNoCorrection, "other.no-correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", OutcomeGroup.Other, Other, Act + "第三十条"),
        new(ReplyOutcome.OtherUnpaidFee, "other.unpaid-fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", OutcomeGroup.Other, Other,
            Act + "第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
        new(ReplyOutcome.OtherOther, "other.other", "其他", "3.其他", OutcomeGroup.Other, Other, null),
    ];

    /// <summary>The group labels （一）–（六） as printed.</summary>
    public static string GroupLabel(this OutcomeGroup group) => group switch
    {
        OutcomeGroup.Granted => "（一）予以公开",
        OutcomeGroup.Partial => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        OutcomeGroup.Refused => Refused,
        OutcomeGroup.Unavailable => Unavailable,
        OutcomeGroup.NotHandled => NotHandled,
        OutcomeGroup.Other => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    public static OutcomeInfo Info(this ReplyOutcome outcome) =>
        (int)outcome is >= 1 and <= 21 ? All[(int)outcome - 1] : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);

    public static string Code(this ReplyOutcome outcome) => outcome.Info().Code;

    public static OutcomeGroup Group(this ReplyOutcome outcome) => outcome.Info().Group;

    /// <summary>
    /// A short Chinese name that reads well alone: the group for （一）/（二）, else group and row,
    /// e.g. 不予公开（保护第三方合法权益）.
    /// </summary>
    public static string ToChinese(this ReplyOutcome outcome)
    {
        var info = outcome.Info();
        return info.Group is OutcomeGroup.Granted or OutcomeGroup.Partial
            ? info.Name
            : $"{info.GroupLabel[3..]}（{info.Name}）";
    }

    /// <summary>Reads an API code exactly as issue 4 lists it (case-insensitive).</summary>
    public static bool TryParse(string? code, out ReplyOutcome outcome)
    {
        var key = (code ?? "").Trim();
        foreach (var info in All)
        {
            if (string.Equals(info.Code, key, StringComparison.OrdinalIgnoreCase))
            {
                outcome = info.Outcome;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}

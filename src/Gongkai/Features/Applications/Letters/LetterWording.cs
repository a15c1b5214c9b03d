using Gongkai.Domain.Applications;

namespace Gongkai.Features.Applications.Letters;

/// <summary>
/// What a reply letter says for each outcome: the decision in the words of the outcome
/// (第三十六条 lists the kinds of answer) and the legal basis it cites, under the 条例 that governs the
/// application (the 2007 text for applications received before 2019-05-15).
/// </summary>
public static class LetterWording
{
    private const string Act2019 = "《中华人民共和国政府信息公开条例》";
    private const string Act2007 = "《中华人民共和国政府信息公开条例》（2007年国务院令第492号）";

    /// <summary>
    /// The decision, addressed to the applicant (<paramref name="you"/>: 你 or 你单位). It never
    /// names the article: the template puts {法律依据} where it reads best.
    /// </summary>
    public static string Decision(ReplyOutcome outcome, string you) => outcome switch
    {
        ReplyOutcome.Granted => $"{you}申请获取的政府信息属于可以公开的政府信息，本机关决定予以公开。",
        ReplyOutcome.Partial => $"{you}申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定对可以公开的部分予以公开，对不应当公开的部分不予公开。",
        ReplyOutcome.RefusedStateSecret => $"{you}申请获取的政府信息属于国家秘密，本机关决定不予公开。",
        ReplyOutcome.RefusedLawProhibits => $"{you}申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。",
        ReplyOutcome.RefusedThreeSafeties => $"{you}申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。",
        ReplyOutcome.RefusedThirdParty => $"{you}申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。",
        ReplyOutcome.RefusedInternalAffairs => $"{you}申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，本机关决定不予公开。",
        ReplyOutcome.RefusedProcessInfo => $"{you}申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。",
        ReplyOutcome.RefusedEnforcementFile => $"{you}申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。",
        ReplyOutcome.RefusedQueryMatter => $"{you}申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的行政查询事项，请按照有关法律、行政法规的规定办理。",
        ReplyOutcome.UnavailableNotHeld => $"本机关不掌握{you}申请获取的政府信息，无法提供。",
        ReplyOutcome.UnavailableNeedsCreation => $"本机关没有{you}申请获取的现成信息，需要对现有政府信息进行加工、分析或者另行制作，本机关不予提供。",
        ReplyOutcome.UnavailableUnclearAfterCorrection => $"本机关已告知{you}补正申请，补正后的申请内容仍不明确，本机关无法确定{you}所需的政府信息，无法提供。",
        ReplyOutcome.NotHandledPetition => $"{you}以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，{you}可以通过信访、投诉、举报等相应渠道提出。",
        ReplyOutcome.NotHandledRepeat => $"{you}曾就相同政府信息向本机关提出公开申请，本机关已经依法作出答复，本次申请属于重复申请，本机关不予重复处理。",
        ReplyOutcome.NotHandledPublication => $"{you}申请获取的是政府公报、报刊、书籍等公开出版物，本机关不作为政府信息公开申请处理，{you}可以通过公开发行渠道获取。",
        ReplyOutcome.NotHandledExcessive => $"{you}申请公开政府信息的数量、频次明显超过合理范围，且未说明理由或者说明的理由不合理，本机关不予处理。",
        ReplyOutcome.NotHandledConfirmation => $"{you}要求本机关确认或者重新出具{you}已经获取的信息，不属于政府信息公开申请，本机关不予处理。",
        ReplyOutcome.OtherNoCorrection => $"本机关已告知{you}补正申请，{you}无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
        ReplyOutcome.OtherUnpaidFee => $"本机关已向{you}发出收费通知，{you}逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。",
        ReplyOutcome.OtherOther => $"本机关对{you}的政府信息公开申请作如下处理。",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>
    /// The article(s) the letter cites. Under the 2019 条例 it is the row's basis from
    /// <see cref="ReplyOutcomes"/>; the two rows no article names (不予处理 5, 其他处理 3) cite
    /// 第三十六条, the article on how every application is answered.
    /// </summary>
    public static string Basis(ReplyOutcome outcome, RulesVersion rules) =>
        rules == RulesVersion.Rules2007 ? Act2007 + Basis2007(outcome) : outcome.Info().Basis ?? Act2019 + "第三十六条";

    /// <summary>
    /// The 2007 text (regulation.md §2.5) had four kinds of answer (第二十一条), separable content
    /// (第二十二条), the secrecy limits (第八条, 第十四条第四款), third parties (第二十三条) and cost fees
    /// (第二十七条). Rows that text does not name (internal and process information, 行政查询, the
    /// 不予处理 rows) cite 第二十一条 and the item closest to them: inferred, not confirmed.
    /// </summary>
    private static string Basis2007(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Granted => "第二十一条第（一）项",
        ReplyOutcome.Partial => "第二十二条",
        ReplyOutcome.RefusedStateSecret or ReplyOutcome.RefusedLawProhibits => "第十四条第四款、第二十一条第（二）项",
        ReplyOutcome.RefusedThreeSafeties => "第八条、第二十一条第（二）项",
        ReplyOutcome.RefusedThirdParty => "第十四条第四款、第二十三条、第二十一条第（二）项",
        ReplyOutcome.RefusedInternalAffairs or ReplyOutcome.RefusedProcessInfo or ReplyOutcome.RefusedEnforcementFile
            or ReplyOutcome.RefusedQueryMatter => "第二十一条第（二）项",
        ReplyOutcome.UnavailableNotHeld or ReplyOutcome.UnavailableNeedsCreation => "第二十一条第（三）项",
        ReplyOutcome.UnavailableUnclearAfterCorrection or ReplyOutcome.OtherNoCorrection => "第二十一条第（四）项",
        ReplyOutcome.OtherUnpaidFee => "第二十七条",
        _ => "第二十一条",
    };

    /// <summary>The group's code in URLs of the template pages.</summary>
    public static string Code(this OutcomeGroup group) => group switch
    {
        OutcomeGroup.Granted => "granted",
        OutcomeGroup.Partial => "partial",
        OutcomeGroup.Refused => "refused",
        OutcomeGroup.Unavailable => "unavailable",
        OutcomeGroup.NotHandled => "not-handled",
        OutcomeGroup.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>The group's short name: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理.</summary>
    public static string ShortName(this OutcomeGroup group) => group == OutcomeGroup.Partial ? "部分公开" : group.GroupLabel()[3..];

    public static bool TryParseGroup(string? code, out OutcomeGroup group)
    {
        foreach (var g in Enum.GetValues<OutcomeGroup>())
        {
            if (string.Equals(g.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                group = g;
                return true;
            }
        }
        group = default;
        return false;
    }
}

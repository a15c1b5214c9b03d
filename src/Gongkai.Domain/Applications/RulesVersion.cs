namespace Gongkai.Domain.Applications;

/// <summary>
/// Which text of the 《政府信息公开条例》 governs an application: the one in force on its day of
/// receipt. The revised 条例 (国务院令第711号) applies from 2019-05-15 (its 第五十六条).
/// </summary>
public enum RulesVersion
{
    /// <summary>2007 条例 (国务院令第492号): 15 working days, extension at most 15 (第二十四条).</summary>
    Rules2007 = 2007,
    /// <summary>2019 条例 (国务院令第711号): 20 working days, extension at most 20 (第三十三条第二款).</summary>
    Rules2019 = 2019,
}

public static class RulesVersions
{
    /// <summary>The day the 2019 条例 took effect (第五十六条).</summary>
    public static readonly DateOnly Effective2019 = new(2019, 5, 15);

    /// <summary>The 条例 in force on the day of receipt.</summary>
    public static RulesVersion For(DateOnly receivedOn) =>
        receivedOn < Effective2019 ? RulesVersion.Rules2007 : RulesVersion.Rules2019;

    /// <summary>Working days to reply, counted from the day after receipt.</summary>
    public static int ReplyLimit(this RulesVersion rules) => rules == RulesVersion.Rules2007 ? 15 : 20;

    /// <summary>The longest single extension the head of the disclosure office may approve.</summary>
    public static int MaxExtension(this RulesVersion rules) => rules == RulesVersion.Rules2007 ? 15 : 20;

    /// <summary>Where the reply limit and the extension come from, for reasons shown to people.</summary>
    public static string DeadlineArticle(this RulesVersion rules) =>
        rules == RulesVersion.Rules2007 ? "2007年《政府信息公开条例》第二十四条" : "《政府信息公开条例》第三十三条第二款";

    /// <summary>
    /// 15 working days for a consulted third party (第三十二条) or co-producing agency (第三十四条); the
    /// 2007 text set the third party no limit (its 第二十三条), so there is nothing to track then.
    /// </summary>
    public static int? ConsultationLimit(this RulesVersion rules) => rules == RulesVersion.Rules2007 ? null : 15;

    /// <summary>
    /// The 7 working days within which a correction must be asked for (第三十条). The 2007 text
    /// (第二十一条第（四）项) set no period.
    /// </summary>
    public static int? CorrectionNoticeLimit(this RulesVersion rules) => rules == RulesVersion.Rules2007 ? null : 7;

    public static string ToChinese(this RulesVersion rules) =>
        rules == RulesVersion.Rules2007 ? "2007年条例（国务院令第492号）" : "2019年条例（国务院令第711号）";
}

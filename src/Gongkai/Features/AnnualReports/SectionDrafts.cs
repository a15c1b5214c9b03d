using System.Globalization;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// First drafts of the sections, written from what Gongkai records (30号 asks 一、总体情况 to cover
/// 主动公开、依申请公开、政府信息管理、平台建设、监督保障). Where Gongkai records nothing the draft says so
/// plainly, in brackets, so staff see what to write before publishing.
/// </summary>
public static class SectionDrafts
{
    public const string NotRecorded = "（Gongkai 未记录此项情况，请据实填写。）";

    public static string For(string key, ReportFormat format, int year, ReportFacts f) => key switch
    {
        ReportSections.Overview when format == ReportFormat.Narrative2008 =>
            $"{year}年，本机关依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。本年度主动公开政府信息{N(f.ItemsPublished)}条，" +
            $"收到政府信息公开申请{N(f.Received)}件。" + "\n\n" + NotRecorded,
        ReportSections.Overview => "",
        "overview.proactive" => Proactive(year, f),
        "overview.on-request" => OnRequest(year, f),
        "overview.management" => "（政府信息管理情况，如公开属性审查、政策文件清理、发布审核等，Gongkai 未记录，请据实填写。）",
        "overview.platform" => "本机关通过政府信息公开平台发布政府信息，公开目录、公开指南和依申请公开渠道在平台上提供。" +
            "\n\n（平台建设的其他情况，如政务新媒体、政府公报等，Gongkai 未记录，请据实填写。）",
        "overview.supervision" => "（培训、考核、社会评议和责任追究等监督保障情况 Gongkai 未记录，请据实填写。）",
        ReportSections.Proactive when format == ReportFormat.Narrative2008 => Proactive(year, f),
        ReportSections.Proactive => "",
        ReportSections.Applications when format == ReportFormat.Narrative2008 => OnRequest(year, f),
        ReportSections.Applications => "",
        ReportSections.Fees => FeeSentence(year, f),
        ReportSections.Review => "",
        ReportSections.Problems => "（存在的主要问题及改进情况，请据实填写。）",
        ReportSections.Other when format == ReportFormat.Narrative2008 => "无。",
        // 30号 asks 六 to state the 信息处理费 collected (国办函〔2020〕109号).
        ReportSections.Other => FeeSentence(year, f),
        _ => "",
    };

    private static string Proactive(int year, ReportFacts f)
    {
        if (f.ItemsPublished == 0) return $"{year}年，本机关在政府信息公开平台未发布主动公开信息。";
        var parts = f.ItemsByCategory.Take(10).Select(c => $"“{c.Category}”栏目{N(c.Count)}条");
        var more = f.ItemsByCategory.Count > 10 ? "等" : "";
        return $"{year}年，本机关通过政府信息公开平台主动公开政府信息{N(f.ItemsPublished)}条，其中{string.Join("、", parts)}{more}。";
    }

    private static string OnRequest(int year, ReportFacts f)
    {
        var text = $"{year}年，本机关新收政府信息公开申请{N(f.Received)}件，上年结转{N(f.CarriedIn)}件，" +
            $"本年度办结{N(f.Concluded)}件，结转下年度继续办理{N(f.CarriedOut)}件。";
        text += f.ConcludedLate == 0 ? "办结的申请均在法定期限内答复。" : $"办结的申请中逾期答复{N(f.ConcludedLate)}件。";
        if (f.OpenOverdue > 0) text += $"截至12月31日，尚未办结且已超过答复期限的申请{N(f.OpenOverdue)}件。";
        return text;
    }

    private static string FeeSentence(int year, ReportFacts f) => f.FeesPaid == 0
        ? $"{year}年，本机关未收取信息处理费。"
        : $"{year}年，本机关{(year >= 2021 ? "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）" : "")}收取信息处理费{N(f.FeeAmount)}元，涉及申请{N(f.FeesPaid)}件。";

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}

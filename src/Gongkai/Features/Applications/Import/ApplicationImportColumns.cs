using Gongkai.Features.Catalogue.Oversight.Import;

namespace Gongkai.Features.Applications.Import;

/// <summary>A column of the applications import file: its Chinese header, whether it must be there, and what goes in it.</summary>
public sealed record ApplicationImportColumn(string Header, bool Required, string Description, string Example);

/// <summary>The documented columns of the historical applications import (the page, the templates and the reader all use this list).</summary>
public static class ApplicationImportColumns
{
    public const string ReceivedOn = "收到日期";
    public const string Channel = "收件渠道";
    public const string ApplicantType = "申请人类型";
    public const string Name = "申请人姓名或名称";
    public const string IdNumber = "证件号码";
    public const string Contact = "联系方式";
    public const string Description = "申请内容";
    public const string DocumentNumber = "文号";
    public const string Department = "办理部门";
    public const string CorrectionRequestedOn = "补正告知日期";
    public const string CorrectionDeadline = "补正期限";
    public const string CorrectedOn = "收到补正日期";
    public const string ConsultationFrom = "征求意见开始日期";
    public const string ConsultationTo = "征求意见结束日期";
    public const string ExtendedOn = "延期日期";
    public const string ExtensionDays = "延期工作日";
    public const string ExtensionReason = "延期理由";
    public const string RepliedOn = "答复日期";
    public const string Outcome = "办理结果";
    public const string ReplyText = "答复意见";
    public const string OriginalCode = "原跟踪码";

    private const string DateHint = "YYYY-MM-DD；也接受 Excel 日期单元格、2026/3/5 和 2026年3月5日。";

    public static readonly IReadOnlyList<ApplicationImportColumn> All =
    [
        new(ReceivedOn, true, "按《政府信息公开条例》第三十一条确定的收到申请之日。" + DateHint + "2019年5月15日前收到的按2007年条例计算（15个工作日）。", "2026-02-10"),
        new(Channel, true, "网上、当面、邮寄（签收）、平常信函、传真 或 电子邮件。", "邮寄"),
        new(ApplicantType, true, "年度报告的列名：自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他。", "自然人"),
        new(Name, true, "不超过100个字。", "李四"),
        new(IdNumber, false, "身份证件号码，5至30位字母或数字；加密保存。可留空。", "110101199003077777"),
        new(Contact, false, "电话、地址或电子邮箱，不超过100个字；加密保存。可留空。", "13912345678"),
        new(Description, true, "所需政府信息的名称或描述，不超过4000个字。", "2025年明湖区中小学校舍维修项目清单"),
        new(DocumentNumber, false, "所需信息的文号，不超过100个字；可留空。", "明教发〔2025〕8号"),
        new(Department, true, "承办部门的机构代码（如 jyj）或全称（如 明湖区教育局）。", "jyj"),
        new(CorrectionRequestedOn, false, "一次性告知补正之日（第三十条：收到申请之日起7个工作日内）；与补正期限同填或同空。" + DateHint, "2026-02-12"),
        new(CorrectionDeadline, false, "告知申请人的补正期限。" + DateHint, "2026-03-05"),
        new(CorrectedOn, false, "收到补正后的申请之日，答复期限自该日起重新计算。" + DateHint, "2026-02-25"),
        new(ConsultationFrom, false, "书面征求第三方或其他机关意见之日（第三十二条、第三十四条）。" + DateHint, "2026-03-02"),
        new(ConsultationTo, false, "征求意见结束之日；其间的工作日不计入答复期限。" + DateHint, "2026-03-10"),
        new(ExtendedOn, false, "经公开办负责人同意延长答复期限之日（第三十三条第二款）；与延期工作日、延期理由同填或同空。" + DateHint, "2026-03-20"),
        new(ExtensionDays, false, "延长的工作日数，1至20（2007年条例为1至15）。", "10"),
        new(ExtensionReason, false, "延期理由，不超过500个字。", "需调阅历年档案"),
        new(RepliedOn, false, "答复或办结之日；与办理结果同填或同空（尚未答复的申请留空，导入后继续办理）。" + DateHint, "2026-04-08"),
        new(Outcome, false, "年度报告的办理结果，如 予以公开、部分公开、属于国家秘密、本机关不掌握相关政府信息、重复申请，或接口代码如 refused.state-secret。", "予以公开"),
        new(ReplyText, false, "答复意见（理由、获取信息的方式），不超过20000个字；可留空。", "所申请信息已主动公开，见……"),
        new(OriginalCode, false, "原系统中的编号或跟踪码；填写后再次导入同一文件不会重复导入。不填时按收到日期、办理部门、申请人和申请内容判断是否已导入。", "2026-YS-0012"),
    ];

    public static IEnumerable<string> Headers => All.Select(c => c.Header);

    /// <summary>
    /// Maps each header to its position. Every required column must be there; optional ones may be
    /// left out; an unknown or repeated header refuses the whole file (a misspelt 答复日期 must not
    /// import every row as unanswered).
    /// </summary>
    public static Dictionary<string, int> MapHeaders(IReadOnlyList<string> headers) =>
        ImportHeaders.Map(headers, All, c => c.Header, c => c.Header, c => c.Required);
}

using Gongkai.Features.Documents;

namespace Gongkai.Tests.Documents;

/// <summary>Documents like the ones the features write: a reply letter (告知书) and the annual report's section 三.</summary>
internal static class SampleDocuments
{
    public static readonly DateOnly LetterDate = new(2026, 11, 27);

    public static readonly string[] LetterParagraphs =
    [
        "你（单位）于2026年11月2日通过在线平台提交的政府信息公开申请收悉，申请获取“明湖区2025年度老旧小区改造项目清单及资金安排”。本机关已依法受理，登记编号为GK-2026-000123。",
        "经审查，你申请获取的信息中，项目清单属于可以公开的政府信息；资金安排中涉及第三方商业秘密的部分，经书面征求第三方意见，第三方不同意公开。根据《中华人民共和国政府信息公开条例》第十五条、第三十七条的规定，本机关对可以公开的部分予以公开，对涉及商业秘密的部分不予公开。",
        "如对本答复不服，可以在收到本告知书之日起60日内向明湖区人民政府申请行政复议，或者在6个月内向明湖区人民法院提起行政诉讼。",
    ];

    public static OfficialDocument ReplyLetter() => new OfficialDocument("明湖区人民政府办公室\n政府信息公开申请答复告知书")
        {
            DocumentNumber = "明政办公开告〔2026〕12号",
            Recipient = "张三：",
        }
        .Paragraph(LetterParagraphs[0])
        .Heading1("答复内容")
        .Heading2("予以公开的部分")
        .Paragraph(LetterParagraphs[1])
        .Heading2("救济途径")
        .Paragraph(LetterParagraphs[2])
        .Paragraph("联系人：李四，联系电话：0571-12345678", TextAlign.Left, firstLineIndent: false)
        .SignedBy("明湖区人民政府办公室", LetterDate);

    /// <summary>The text the letter shows, in reading order.</summary>
    public static string LetterText() => string.Concat(
        "明湖区人民政府办公室政府信息公开申请答复告知书", "明政办公开告〔2026〕12号", "张三：",
        LetterParagraphs[0], "一、答复内容", "（一）予以公开的部分", LetterParagraphs[1],
        "（二）救济途径", LetterParagraphs[2], "联系人：李四，联系电话：0571-12345678",
        "明湖区人民政府办公室", "2026年11月27日");

    public static readonly string[] ApplicantColumns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    /// <summary>The 2021 format's 25 rows: (label column 0, column 1, column 2, spans) written as the official table merges them.</summary>
    public static DocumentTable ApplicationsTable(Func<int, int, int> value)
    {
        var table = new DocumentTable(2.2, 2.6, 5.2, 1.3, 1.3, 1.3, 1.5, 1.5, 1.1, 1.1) { FontSize = 10.5 }
            .HeaderRow(DocumentCell.Centered("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowSpan: 3, colSpan: 3), DocumentCell.Centered("申请人情况", colSpan: 7))
            .HeaderRow(DocumentCell.Centered("自然人", rowSpan: 2), DocumentCell.Centered("法人或其他组织", colSpan: 5), DocumentCell.Centered("总计", rowSpan: 2))
            .HeaderRow("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
        var row = 0;
        DocumentCell[] Numbers() { var r = row++; return Enumerable.Range(0, 7).Select(c => DocumentCell.Centered(value(r, c).ToString())).ToArray(); }

        table.Row([new DocumentCell("一、本年新收政府信息公开申请数量", ColSpan: 3), .. Numbers()]);
        table.Row([new DocumentCell("二、上年结转政府信息公开申请数量", ColSpan: 3), .. Numbers()]);
        table.Row([new DocumentCell("三、本年度办理结果", RowSpan: 22), new DocumentCell("（一）予以公开", ColSpan: 2), .. Numbers()]);
        table.Row([new DocumentCell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ColSpan: 2), .. Numbers()]);
        Group("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]);
        Group("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]);
        Group("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]);
        Group("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]);
        table.Row([new DocumentCell("（七）总计", ColSpan: 2), .. Numbers()]);
        table.Row([new DocumentCell("四、结转下年度继续办理", ColSpan: 3), .. Numbers()]);
        return table;

        void Group(string label, string[] items)
        {
            for (var i = 0; i < items.Length; i++)
            {
                DocumentCell[] cells = i == 0
                    ? [new DocumentCell(label, RowSpan: items.Length), new DocumentCell(items[i]), .. Numbers()]
                    : [new DocumentCell(items[i]), .. Numbers()];
                table.Row(cells);
            }
        }
    }

    public static OfficialDocument AnnualReportSection(DocumentTable table) =>
        new OfficialDocument("明湖区人民政府2025年政府信息公开工作年度报告")
            .Paragraph("本报告根据《中华人民共和国政府信息公开条例》第五十条的规定编制。")
            .Heading1("三、收到和处理政府信息公开申请情况", numbered: false)
            .Table(table)
            .Paragraph("注：本表数据由政务公开平台根据申请办理记录自动统计。");
}

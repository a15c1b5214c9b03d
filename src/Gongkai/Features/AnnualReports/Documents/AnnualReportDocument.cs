using Gongkai.Domain.AnnualReports;
using Gongkai.Features.Documents;

namespace Gongkai.Features.AnnualReports.Documents;

/// <summary>
/// An annual report as an official document (A4, GB/T 9704 type): the title, the preamble naming the
/// legal basis and the statistics period, the sections of its format with their texts, tables 二, 三 and
/// 四 in their sections, and the body's signature with the date. <see cref="DocxWriter"/> and
/// <see cref="PdfWriter"/> write it; <see cref="AnnualReportWorkbook"/> writes the same tables as XLSX.
/// </summary>
public static class AnnualReportDocument
{
    public static OfficialDocument Build(AnnualReportContent content, DateOnly signedOn)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = new OfficialDocument($"{content.BodyName}\n{content.Year}年政府信息公开工作年度报告");
        document.Paragraph(Preamble(content));

        foreach (var section in content.Sections)
        {
            document.Heading1(section.Heading, numbered: false);
            Paragraphs(document, section.Text);
            foreach (var sub in section.Subsections)
            {
                document.Heading2(sub.Heading, numbered: false);
                Paragraphs(document, sub.Text);
            }
            switch (ReportSections.TableOf(section.Key))
            {
                case ReportTable.Proactive:
                    document.Table(AnnualReportTables.Proactive(content.Proactive));
                    break;
                case ReportTable.Applications:
                    document.Table(AnnualReportTables.Applications(content.Applications));
                    break;
                case ReportTable.ReviewLitigation:
                    document.Table(AnnualReportTables.ReviewLitigation(content.ReviewLitigation));
                    break;
            }
        }
        return document.SignedBy(content.BodyName, signedOn);
    }

    /// <summary>
    /// The customary opening (regulation.md §1.2): the legal basis, the parts of the report and the
    /// statistics period. The 2008-era reports rested on the 2007 条例 alone (第三十一条、第三十二条).
    /// </summary>
    public static string Preamble(AnnualReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var basis = content.Format == ReportFormat.Narrative2008
            ? content.Format.Basis()
            : "《中华人民共和国政府信息公开条例》（以下简称《条例》）和" + content.Format.Basis();
        var parts = string.Join("、", content.Sections.Select(s => Unnumbered(s.Heading)));
        return $"本报告依据{basis}的要求编制，由{content.BodyName}发布。全文包括{parts}。" +
            $"本报告所列数据的统计期限为{content.Period}。";
    }

    /// <summary>一、总体情况 → 总体情况.</summary>
    private static string Unnumbered(string heading)
    {
        var mark = heading.IndexOf('、', StringComparison.Ordinal);
        return mark is > 0 and <= 3 ? heading[(mark + 1)..] : heading;
    }

    /// <summary>Texts are stored with blank lines between paragraphs; single line breaks stay inside one.</summary>
    private static void Paragraphs(OfficialDocument document, string text)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            document.Paragraph(paragraph);
    }

    /// <summary>The download name, e.g. 某某区人民政府2025年政府信息公开工作年度报告.docx.</summary>
    public static string FileName(AnnualReportContent content, string extension)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = new string([.. content.Title.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c != '"')]);
        return $"{name}.{extension}";
    }
}

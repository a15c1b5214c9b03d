using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Publishing;

namespace Gongkai.Features.Catalogue;

/// <summary>
/// Checks what is about to be published for personal data: the title, the body (as text, not
/// markup) and the extracted text of every attachment.
/// </summary>
public static partial class PersonalDataCheck
{
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    public static IReadOnlyList<PersonalDataHit> Run(DisclosureItem item, IEnumerable<ItemAttachment> attachments)
    {
        var hits = new List<PersonalDataHit>();
        hits.AddRange(PersonalDataScanner.Scan(item.Title, "标题"));
        hits.AddRange(PersonalDataScanner.Scan(item.Summary, "内容概述"));
        hits.AddRange(PersonalDataScanner.Scan(HtmlToText(item.Body), "正文"));
        foreach (var a in attachments)
        {
            if (!string.IsNullOrEmpty(a.ExtractedText))
                hits.AddRange(PersonalDataScanner.Scan(a.ExtractedText, $"附件：{a.FileName}"));
        }
        return hits;
    }

    /// <summary>Text of an HTML fragment: tags become spaces so that numbers in adjacent cells do not join.</summary>
    public static string HtmlToText(string html) => WebUtility.HtmlDecode(Tags().Replace(html ?? "", " "));

    public static string Describe(IReadOnlyList<PersonalDataHit> hits) =>
        "发现疑似个人信息，不能发布：" + string.Join("；", hits.Take(10).Select(h =>
            $"{h.Source}中的{PersonalDataScanner.KindName(h.Kind)} {h.Masked}（“{h.Context}”）"))
        + (hits.Count > 10 ? $"；等共{hits.Count}处" : "");
}

using System.Globalization;
using System.Text;
using System.Xml;
using Gongkai.Hosting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>Absolute addresses: feeds, sitemaps and exports are read away from the portal, so every link carries PublicBaseUrl.</summary>
public sealed class PublicUrls(IOptions<GongkaiOptions> options)
{
    public string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string Absolute(string path) => Base + path;

    public string Item(long id) => Absolute(ItemQueries.Url(id));
}

internal static class FeedFormat
{
    /// <summary>RFC 3339 in Beijing time (UTC+8, no daylight saving), e.g. 2026-03-01T09:30:00+08:00.</summary>
    public static string Instant(DateTime utc) =>
        ChinaTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+08:00";

    /// <summary>
    /// The publication instant. The 发布日期 shown on the item page wins: when the recorded instant
    /// falls on another day (items brought in with an earlier 发布日期) or is missing, the start of
    /// that day in Beijing is used, so feed order and dates agree with the catalogue.
    /// </summary>
    public static DateTime PublishedInstant(PublishedEntry e) =>
        e.PublishedAt is { } at && ChinaTime.DateOf(at) == e.PublishedOn
            ? at
            : ChinaTime.FromLocal(e.PublishedOn.ToDateTime(TimeOnly.MinValue));

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text pasted from office documents can hold characters XML 1.0 forbids (vertical tab, form
    /// feed, stray surrogates); XmlWriter would throw and the whole feed fail. They are dropped.
    /// </summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = XmlConvert.IsXmlChar(c);
            var pair = !ok && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c);
            if (ok || pair)
            {
                clean?.Append(c);
                if (pair) { clean?.Append(text[i + 1]); i++; }
                continue;
            }
            clean ??= new StringBuilder(text, 0, i, text.Length);
        }
        return clean?.ToString() ?? text;
    }
}

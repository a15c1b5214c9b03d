using Ganss.Xss;

namespace Gongkai.Features.Catalogue;

/// <summary>
/// Rich-text bodies come from editors' browsers and imports: only formatting survives (no scripts,
/// event handlers, styles or external frames), so a published page can never run foreign code.
/// </summary>
public static class HtmlBody
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Clean(string html) => Sanitizer.Sanitize(html ?? "").Trim();

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "b", "em", "i", "u", "h2", "h3", "h4", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "blockquote", "span", "div", "sub", "sup", "img" })
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "title", "colspan", "rowspan", "src", "alt" })
            s.AllowedAttributes.Add(attribute);
        s.AllowedCssProperties.Clear();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        return s;
    }
}

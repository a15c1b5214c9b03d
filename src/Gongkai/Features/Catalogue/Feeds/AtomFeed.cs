using System.Text;
using System.Xml;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>An Atom 1.0 document (RFC 4287) of published items, written with XmlWriter so that every title is escaped.</summary>
internal static class AtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public sealed record Head(string SelfPath, string Title, string Subtitle, string AlternatePath);

    public static byte[] Write(Head head, IReadOnlyList<PublishedEntry> entries, CatalogueLookups lookups, PublicUrls urls, DateTime now)
    {
        using var buffer = new MemoryStream();
        using (var x = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("feed", Namespace);
            x.WriteAttributeString("xml", "lang", null, "zh-CN");
            // The feed's id is its own address: stable as long as PublicBaseUrl is.
            x.WriteElementString("id", Namespace, urls.Absolute(head.SelfPath));
            x.WriteElementString("title", Namespace, FeedFormat.XmlSafe(head.Title));
            x.WriteElementString("subtitle", Namespace, FeedFormat.XmlSafe(head.Subtitle));
            // An empty feed has no newest entry; "now" is the only honest instant for it.
            var updated = entries.Count == 0 ? now : entries.Max(FeedFormat.PublishedInstant);
            x.WriteElementString("updated", Namespace, FeedFormat.Instant(updated));
            Link(x, "self", "application/atom+xml", urls.Absolute(head.SelfPath));
            Link(x, "alternate", "text/html", urls.Absolute(head.AlternatePath));
            x.WriteStartElement("author", Namespace);
            x.WriteElementString("name", Namespace, FeedFormat.XmlSafe(lookups.SiteName));
            x.WriteElementString("uri", Namespace, urls.Absolute("/"));
            x.WriteEndElement();
            x.WriteStartElement("generator", Namespace);
            x.WriteString("Gongkai");
            x.WriteEndElement();
            foreach (var e in entries) Entry(x, e, lookups, urls);
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter x, PublishedEntry e, CatalogueLookups lookups, PublicUrls urls)
    {
        var url = urls.Item(e.Id);
        var department = lookups.Department(e.DepartmentId);
        var category = lookups.Category(e.CategoryId);
        x.WriteStartElement("entry", Namespace);
        x.WriteElementString("id", Namespace, url);
        x.WriteStartElement("title", Namespace);
        x.WriteAttributeString("type", "text");
        x.WriteString(FeedFormat.XmlSafe(e.Title));
        x.WriteEndElement();
        Link(x, "alternate", "text/html", url);
        var published = FeedFormat.Instant(FeedFormat.PublishedInstant(e));
        x.WriteElementString("published", Namespace, published);
        x.WriteElementString("updated", Namespace, published);
        x.WriteStartElement("author", Namespace);
        x.WriteElementString("name", Namespace, FeedFormat.XmlSafe(department?.Name ?? ""));
        if (department is not null) x.WriteElementString("uri", Namespace, urls.Absolute($"/departments/{department.Code}"));
        x.WriteEndElement();
        if (category is not null)
        {
            x.WriteStartElement("category", Namespace);
            x.WriteAttributeString("term", category.Code);
            x.WriteAttributeString("scheme", urls.Absolute("/api/catalogue/categories"));
            x.WriteAttributeString("label", FeedFormat.XmlSafe(category.Name));
            x.WriteEndElement();
        }
        if (!string.IsNullOrWhiteSpace(e.Summary))
        {
            x.WriteStartElement("summary", Namespace);
            x.WriteAttributeString("type", "text");
            x.WriteString(FeedFormat.XmlSafe(e.Summary));
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static void Link(XmlWriter x, string rel, string type, string href)
    {
        x.WriteStartElement("link", Namespace);
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("type", type);
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }
}

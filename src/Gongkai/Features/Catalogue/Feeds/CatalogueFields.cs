using Gongkai.Domain.Publishing;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>One row of the machine-readable catalogue, as text.</summary>
internal sealed record CatalogueRow(
    long Id, string? IndexNumber, string Title, string Summary, string WrittenOn, string PublishedOn,
    string Department, string? DepartmentCode, string? DocumentNumber, string Category, string? CategoryCode,
    string? Theme, string Mode, string Validity, string? ValidityChangedOn, string Url)
{
    public static CatalogueRow From(PublishedEntry e, CatalogueLookups lookups, PublicUrls urls)
    {
        var department = lookups.Department(e.DepartmentId);
        var category = lookups.Category(e.CategoryId);
        return new CatalogueRow(
            e.Id, e.IndexNumber, e.Title, e.Summary, FeedFormat.Date(e.WrittenOn), FeedFormat.Date(e.PublishedOn),
            department?.Name ?? "", department?.Code, e.DocumentNumber, category?.Name ?? "", category?.Code,
            lookups.Theme(e.ThemeId), e.Mode.ToChinese(), e.Validity.ToChinese(),
            e.ValidityChangedOn is { } v ? FeedFormat.Date(v) : null, urls.Item(e.Id));
    }
}

/// <summary>
/// The fields of the machine-readable catalogue (《条例》第十二条: 索引、名称、内容概述、生成日期, and
/// the rest of an item page's metadata, regulation.md §3.2). One table gives the CSV's Chinese
/// headers, the JSON's English names and the mapping between them published with both; names
/// and order are a public contract: add fields at the end, never rename.
/// </summary>
internal static class CatalogueFields
{
    public sealed record Field(string Name, string Label, string Description, Func<CatalogueRow, string?> Value);

    public static readonly Field[] All =
    [
        new("indexNumber", "索引号", "信息的唯一编号，首次发布时生成，此后不变", r => r.IndexNumber),
        new("title", "名称", "信息名称（标题）", r => r.Title),
        new("summary", "内容概述", "内容摘要", r => r.Summary),
        new("writtenOn", "生成日期", "成文日期，YYYY-MM-DD", r => r.WrittenOn),
        new("publishedOn", "发布日期", "YYYY-MM-DD", r => r.PublishedOn),
        new("department", "发布机构", "发布信息的机关名称", r => r.Department),
        new("documentNumber", "文号", "发文字号，无则为空", r => r.DocumentNumber),
        new("category", "公开目录", "所属公开目录栏目", r => r.Category),
        new("theme", "主题分类", "国务院公文主题分类，“一级\\二级”", r => r.Theme),
        new("mode", "公开方式", "主动公开或依申请公开", r => r.Mode),
        new("validity", "有效性", "有效、失效或废止", r => r.Validity),
        new("url", "链接", "信息页面的网址", r => r.Url),
    ];

    /// <summary>Only in the JSON: codes for programs that filter or join (the CSV keeps to what a person reads).</summary>
    public static readonly Field[] JsonOnly =
    [
        new("departmentCode", "机构代码", "发布机构的代码，可用于 department 筛选参数", r => r.DepartmentCode),
        new("categoryCode", "目录代码", "公开目录栏目的代码，可用于 category 筛选参数", r => r.CategoryCode),
        new("validityChangedOn", "失效或废止日期", "YYYY-MM-DD；有效的信息为 null", r => r.ValidityChangedOn),
    ];
}

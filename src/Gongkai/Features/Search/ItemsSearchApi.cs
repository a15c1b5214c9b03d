using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.Search;

public sealed record ItemListEntry(long Id, string? IndexNumber, string Title, string Department, string PublishedOn, string Url, string Snippet);
public sealed record ItemList(long Total, ItemListEntry[] Items);

/// <summary>GET /api/items: search and list published items (route and fields are a public contract).</summary>
public static class ItemsSearchApi
{
    public static void MapItemsSearchApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/items", List).WithTags("主动公开")
            .WithSummary("检索已发布的政府信息：q 为关键词（任意2个及以上汉字的子串都能命中），可按机构、目录分类、年份筛选");

    internal static Results<Ok<ItemList>, ValidationProblem> List(
        string? q, string? department, string? category, string? theme, string? year, string? validity, string? sort,
        string? page, string? pageSize, SearchIndex index)
    {
        var errors = new Dictionary<string, string[]>();
        var query = Parse(q, department, category, theme, year, validity, sort, page, pageSize, errors);
        if (query is null) return Problems.Validation(errors);
        var result = index.Search(query);
        return TypedResults.Ok(new ItemList(result.Total, result.Hits.Select(h => new ItemListEntry(
            h.Id, h.IndexNumber, h.Title, h.DepartmentName, h.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), h.Url, h.Snippet)).ToArray()));
    }

    public static SearchQuery? Parse(string? q, string? department, string? category, string? theme, string? year, string? validity,
        string? sort, string? page, string? pageSize, Dictionary<string, string[]> errors)
    {
        int? y = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, out var v) && v is >= 1949 and <= 2100) y = v;
            else errors["year"] = ["年份应为四位数字"];
        }
        var p = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, out p) || p < 1 || p > 10_000)) errors["page"] = ["页码应为1至10000之间的整数"];
        var size = 20;
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize, out size) || size < 1 || size > 100)) errors["pageSize"] = ["每页条数应为1至100之间的整数"];
        var order = SearchSort.Relevance;
        if (!string.IsNullOrWhiteSpace(sort) && !Enum.TryParse(sort, ignoreCase: true, out order)) errors["sort"] = ["排序应为 relevance、newest 或 oldest"];
        if (validity is not (null or "" or "有效" or "失效" or "废止")) errors["validity"] = ["有效性应为 有效、失效 或 废止"];
        if (errors.Count > 0) return null;
        return new SearchQuery(q, Blank(department), Blank(category), Blank(theme), y, Blank(validity), order, p, size);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

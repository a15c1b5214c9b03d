using Gongkai.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>
/// Atom feeds of published items: the latest of the whole portal, of one catalogue column (with
/// its sub-columns) and of one department. An unknown code is a 404.
/// </summary>
public static class FeedsApi
{
    public static void MapAtomFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("订阅与导出");
        feeds.MapGet("/items.atom", Latest).WithSummary("最新公开的政府信息（Atom）");
        feeds.MapGet("/categories/{code}.atom", ByCategory).WithSummary("某一公开目录栏目（含下级栏目）的最新信息（Atom）");
        feeds.MapGet("/departments/{code}.atom", ByDepartment).WithSummary("某一机构的最新信息（Atom）");
    }

    private static async Task<FileContentHttpResult> Latest(
        GongkaiDbContext db, PublicUrls urls, IOptions<FeedsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var lookups = await CatalogueLookups.LoadAsync(db, ct);
        var head = new AtomFeed.Head("/feeds/items.atom", $"{lookups.SiteName} · 最新公开的政府信息", "政府信息公开目录中最新发布的信息", "/items");
        return await RenderAsync(db, head, new ItemFilter(), lookups, urls, options.Value, clock, ct);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ByCategory(
        string code, GongkaiDbContext db, PublicUrls urls, IOptions<FeedsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var lookups = await CatalogueLookups.LoadAsync(db, ct);
        if (lookups.CategoryByCode(code) is not { } column) return TypedResults.NotFound();
        // The browse page filters by one column; a parent column's items live in its children, so it links to the whole catalogue.
        // The annual reports have their own page.
        var alternate = column.Code == AnnualReports.AnnualReportColumn.CategoryCode ? AnnualReports.AnnualReportColumn.Path
            : lookups.HasChildren(column.Id) ? "/items" : $"/items?category={Uri.EscapeDataString(column.Code)}";
        var head = new AtomFeed.Head($"/feeds/categories/{Uri.EscapeDataString(column.Code)}.atom", $"{lookups.SiteName} · {column.Name}",
            $"公开目录“{column.Name}”（含下级栏目）最新发布的信息", alternate);
        return await RenderAsync(db, head, new ItemFilter(CategoryIds: lookups.Subtree(column.Id)), lookups, urls, options.Value, clock, ct);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ByDepartment(
        string code, GongkaiDbContext db, PublicUrls urls, IOptions<FeedsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var lookups = await CatalogueLookups.LoadAsync(db, ct);
        // A department that was closed keeps its published items, so its feed stays readable.
        if (lookups.DepartmentByCode(code) is not { } body) return TypedResults.NotFound();
        var head = new AtomFeed.Head($"/feeds/departments/{body.Code}.atom", $"{body.Name} · 政府信息公开",
            $"{body.Name}最新发布的政府信息", $"/items?department={body.Code}");
        return await RenderAsync(db, head, new ItemFilter(DepartmentId: body.Id), lookups, urls, options.Value, clock, ct);
    }

    private static async Task<FileContentHttpResult> RenderAsync(
        GongkaiDbContext db, AtomFeed.Head head, ItemFilter filter, CatalogueLookups lookups, PublicUrls urls,
        FeedsOptions options, TimeProvider clock, CancellationToken ct)
    {
        var entries = await PublishedItems.LatestAsync(db, filter, Math.Clamp(options.FeedEntries, 1, 500), ct);
        var bytes = AtomFeed.Write(head, entries, lookups, urls, clock.GetUtcNow().UtcDateTime);
        return TypedResults.Bytes(bytes, AtomFeed.ContentType);
    }
}

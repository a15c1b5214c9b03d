using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue;

public sealed record CategoryNode(string Code, string Name, string Basis, CategoryNode[] Children);

public sealed record ItemDetail(
    long Id, string? IndexNumber, string Title, string Department, string DepartmentName, string? DocumentNumber,
    string WrittenOn, string? PublishedOn, string Category, string CategoryName, string? Theme, string? ThemeName,
    string Mode, string Validity, string? ValidityChangedOn, string Kind, string Keywords, string Summary, string Body,
    string State, int Version, long ViewCount, string Url, long? InterpretsItemId, long[] InterpretedBy, AttachmentDto[] Attachments);

public sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size, string Url);

/// <summary>The public catalogue API: the category tree and one item.</summary>
public static class CatalogueApi
{
    public static void MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalogue/categories", Categories).WithTags("主动公开").WithSummary("公开目录分类树");
        app.MapGet("/api/items/{id:long}", Get).WithTags("主动公开").WithSummary("一条政府信息及其元数据（公众只能看到已发布的）");
    }

    private static async Task<Ok<CategoryNode[]>> Categories(GongkaiDbContext db, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct);
        CategoryNode[] Children(int? parent) =>
            all.Where(c => c.ParentId == parent).Select(c => new CategoryNode(c.Code, c.Name, c.Basis, Children(c.Id))).ToArray();
        return TypedResults.Ok(Children(null));
    }

    private static async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> Get(long id, GongkaiDbContext db, DepartmentScope scope, CancellationToken ct)
    {
        var detail = await ItemQueries.DetailAsync(db, id, ct);
        if (detail is null) return Problems.Problem(404, $"没有编号为 {id} 的信息。");
        var departmentId = await db.Items.Where(i => i.Id == id).Select(i => i.DepartmentId).SingleAsync(ct);
        if (detail.State != nameof(ItemState.Published) && !scope.CanRead(departmentId))
            return Problems.Problem(404, $"没有编号为 {id} 的信息。");
        return TypedResults.Ok(detail);
    }
}

using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.PublicVoice.Inspections;

/// <summary>Inspections (明察暗访) and bulletins (通报): the supervision staff's API (bearer token, 效能监察员 only).</summary>
public static class InspectionsApi
{
    public static void MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var inspections = app.MapGroup("/api/admin/inspections").WithTags("明察暗访与通报（效能监察员）")
            .RequireAuthorization(Policies.ApiInspection).AddEndpointFilter<ActiveStaffFilter>();
        inspections.MapGet("/", async (InspectionService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)))
            .WithSummary("明察暗访记录，按检查日期从近到远");
        inspections.MapGet("/{id:long}", Get).WithSummary("一条明察暗访记录");
        inspections.MapPost("/", Create).WithSummary("记录一次明察暗访：inspectedOn、department（被检查单位代码）、place、method、findings、problems、personsNamed、inspectors");
        inspections.MapPut("/{id:long}", Update).WithSummary("修改明察暗访记录");

        var bulletins = app.MapGroup("/api/admin/bulletins").WithTags("明察暗访与通报（效能监察员）")
            .RequireAuthorization(Policies.ApiInspection).AddEndpointFilter<ActiveStaffFilter>();
        bulletins.MapPost("/draft", async (BulletinRequest body, BulletinService s, CancellationToken ct) => TypedResults.Ok(await s.DraftAsync(body, ct)))
            .WithSummary("按所选明察暗访记录（inspectionIds）和查实的投诉（complaintIds）生成通报草稿（不保存）");
        bulletins.MapPost("/", CreateBulletin)
            .WithSummary("生成通报并存为“效能监察通报”栏目的政府信息草稿（title、body 不填则用草稿），经正常审核后发布");
    }

    private static async Task<Results<Ok<InspectionView>, NotFound>> Get(long id, InspectionService s, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    private static async Task<Created<InspectionView>> Create(InspectionRequest body, InspectionService s, CancellationToken ct)
    {
        var created = await s.CreateAsync(body, ct);
        return TypedResults.Created($"/api/admin/inspections/{created.Id}", (await s.GetAsync(created.Id, ct))!);
    }

    private static async Task<Ok<InspectionView>> Update(long id, InspectionRequest body, InspectionService s, CancellationToken ct)
    {
        await s.UpdateAsync(id, body, ct);
        return TypedResults.Ok((await s.GetAsync(id, ct))!);
    }

    private static async Task<Created<BulletinCreated>> CreateBulletin(BulletinRequest body, BulletinService s, CancellationToken ct)
    {
        var created = await s.CreateAsync(body, ct);
        return TypedResults.Created($"/api/items/{created.ItemId}", created);
    }
}

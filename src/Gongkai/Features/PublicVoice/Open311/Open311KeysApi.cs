using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.PublicVoice.Open311;

/// <summary>The office's API for Open311 client keys (公开办管理员, bearer token). Route names fixed by issue 6.</summary>
public static class Open311KeysApi
{
    public static void MapOpen311KeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/admin/open311-keys").WithTags("Open311 接入密钥（公开办管理员）")
            .RequireAuthorization(Policies.ApiOfficeAdmin)
            .AddEndpointFilter<ActiveStaffFilter>();
        keys.MapGet("/", List).WithSummary("已登记的接入应用及其密钥前缀、创建和最近使用时间");
        keys.MapPost("/", Issue).WithSummary("为接入应用签发密钥：name 应用名称，contact 联系方式（可不填）")
            .WithDescription("返回的 apiKey 只显示这一次，服务器只保存其 SHA-256 摘要；遗失后请吊销并重新签发。");
        keys.MapDelete("/{id:int}", Revoke).WithSummary("吊销密钥（不可恢复）");
    }

    private static async Task<Ok<IReadOnlyList<Open311ClientView>>> List(Open311Keys keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(ct));

    private static async Task<Created<IssuedOpen311Key>> Issue(IssueOpen311KeyRequest body, Open311Keys keys, CancellationToken ct)
    {
        var issued = await keys.IssueAsync(body, ct);
        return TypedResults.Created($"/api/admin/open311-keys/{issued.Id}", issued);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(int id, Open311Keys keys, CancellationToken ct) =>
        await keys.RevokeAsync(id, ct) ? TypedResults.NoContent() : Problems.Problem(404, $"没有编号为 {id} 的接入应用。");
}

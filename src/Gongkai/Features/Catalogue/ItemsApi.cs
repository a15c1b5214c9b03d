using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Features.Catalogue;

public sealed record ItemCreated(long Id, string State);
public sealed record ItemStateResponse(long Id, string State, string StateName, string? IndexNumber, string? Reason, DateTime? ScheduledFor);
public sealed record ApproveRequest(DateTime? PublishAt, string? OverrideReason);
public sealed record ReasonRequest(string? Reason);

/// <summary>Staff API of the publishing workflow (bearer token). Route names are a public contract.</summary>
public static class ItemsApi
{
    public static void MapItemsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/items").WithTags("主动公开（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
        var reviewers = app.MapGroup("/api/items").WithTags("主动公开（工作人员）")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireRole(StaffRoles.Reviewer, StaffRoles.OfficeAdmin))
            .AddEndpointFilter<ActiveStaffFilter>();

        staff.MapPost("/", Create).WithSummary("新建草稿（标题、发布机构、成文日期、目录分类、正文必填）");
        staff.MapPut("/{id:long}", Update).WithSummary("修改（已发布的信息修改后保留历史版本）");
        staff.MapPost("/{id:long}/submit", Submit).WithSummary("提交审核");
        staff.MapPost("/{id:long}/withdraw", Withdraw).WithSummary("撤回已发布的信息（须填写理由）");
        reviewers.MapPost("/{id:long}/approve", Approve).WithSummary("审核通过并发布（或定时发布），返回索引号；发现个人信息返回422");
        reviewers.MapPost("/{id:long}/return", Return).WithSummary("退回（须填写理由）");
    }

    private static async Task<Created<ItemCreated>> Create(ItemInput body, ItemWorkflow workflow, CancellationToken ct)
    {
        var item = await workflow.CreateAsync(body, ct);
        return TypedResults.Created($"/api/items/{item.Id}", new ItemCreated(item.Id, item.State.ToString()));
    }

    private static async Task<Ok<ItemStateResponse>> Update(long id, ItemInput body, ItemWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(State(await workflow.UpdateAsync(id, body, ct)));

    private static async Task<Ok<ItemStateResponse>> Submit(long id, ItemWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(State(await workflow.SubmitAsync(id, ct)));

    private static async Task<Ok<ItemStateResponse>> Approve(long id, ApproveRequest? body, ItemWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(State(await workflow.ApproveAsync(id, body?.PublishAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : null, body?.OverrideReason, ct)));

    private static async Task<Ok<ItemStateResponse>> Return(long id, ReasonRequest? body, ItemWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(State(await workflow.ReturnAsync(id, body?.Reason, ct)));

    private static async Task<Ok<ItemStateResponse>> Withdraw(long id, ReasonRequest? body, ItemWorkflow workflow, CancellationToken ct) =>
        TypedResults.Ok(State(await workflow.WithdrawAsync(id, body?.Reason, ct)));

    internal static ItemStateResponse State(DisclosureItem i) =>
        new(i.Id, i.State.ToString(), i.State.ToChinese(), i.IndexNumber, i.StateReason, i.ScheduledFor);
}

using Gongkai.Domain.Cases;
using Gongkai.Features.Applications;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// The public API of opinions and complaints (no account). Route names are fixed by issue 6:
/// POST /api/opinions → 201 {trackingCode, accessKey, dueOn}; GET /api/opinions/{code} with the
/// X-Access-Key header; GET /api/opinions/published; POST /api/complaints (same shape).
/// </summary>
public static class CasesApi
{
    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var opinions = app.MapGroup("/api/opinions").WithTags("民生民意");
        opinions.MapPost("/", (PublicCaseRequest body, CaseWorkflow w, CancellationToken ct) => Submit(CaseKind.Opinion, body, w, ct))
            .RequireRateLimiting(CaseEngineSetup.SubmitLimit)
            .WithSummary("提交民生民意（无需登录；姓名、联系方式可不填）")
            .WithDescription("返回查询码 trackingCode、查询密钥 accessKey（只显示这一次）和答复期限 dueOn。publishConsent 为 true 表示同意在去除个人信息后公开问答。同一地址每小时提交次数有限，超出返回 429。");
        opinions.MapGet("/published", Published).WithSummary("已公开的问答：q 关键词，department 部门代码，page 页码");
        opinions.MapGet("/{code}", (string code, [FromHeader(Name = ApplicationsApi.AccessKeyHeader)] string? key, CaseWorkflow w, CaseQueries q, CancellationToken ct) => Track(CaseKind.Opinion, code, key, w, q, ct))
            .RequireRateLimiting(CaseEngineSetup.LookupLimit).WithSummary("查询办理进度和答复（请求头 X-Access-Key 填写查询密钥）");
        opinions.MapPost("/{code}/rating", (string code, [FromHeader(Name = ApplicationsApi.AccessKeyHeader)] string? key, RateCaseRequest body, CaseWorkflow w, CaseQueries q, CancellationToken ct) =>
                Own(w.RateAsync(code, key, body, ct), q, ct))
            .RequireRateLimiting(CaseEngineSetup.LookupLimit).WithSummary("评价答复：rating 为 satisfied、fairly-satisfied 或 unsatisfied");
        opinions.MapPost("/{code}/reopen", (string code, [FromHeader(Name = ApplicationsApi.AccessKeyHeader)] string? key, CaseReasonRequest body, CaseWorkflow w, CaseQueries q, CancellationToken ct) =>
                Own(w.ReopenAsync(code, key, body, ct), q, ct))
            .RequireRateLimiting(CaseEngineSetup.LookupLimit).WithSummary("对答复不满意，申请重新办理（每件一次，须填写理由）");

        var complaints = app.MapGroup("/api/complaints").WithTags("效能投诉");
        complaints.MapPost("/", (PublicCaseRequest body, CaseWorkflow w, CancellationToken ct) => Submit(CaseKind.Complaint, body, w, ct))
            .RequireRateLimiting(CaseEngineSetup.SubmitLimit)
            .WithSummary("提交效能投诉（须实名并留联系方式；accusedDepartment 被投诉单位代码或 accusedPerson 被投诉人）")
            .WithDescription("投诉内容只有公开办效能监察员可见，投诉人身份不会告知被投诉单位。");
        complaints.MapGet("/{code}", (string code, [FromHeader(Name = ApplicationsApi.AccessKeyHeader)] string? key, CaseWorkflow w, CaseQueries q, CancellationToken ct) => Track(CaseKind.Complaint, code, key, w, q, ct))
            .RequireRateLimiting(CaseEngineSetup.LookupLimit).WithSummary("查询投诉办理进度（请求头 X-Access-Key）");
        complaints.MapPost("/{code}/rating", (string code, [FromHeader(Name = ApplicationsApi.AccessKeyHeader)] string? key, RateCaseRequest body, CaseWorkflow w, CaseQueries q, CancellationToken ct) =>
                Own(w.RateAsync(code, key, body, ct), q, ct))
            .RequireRateLimiting(CaseEngineSetup.LookupLimit).WithSummary("评价投诉的处理结果");
    }

    private static async Task<Created<CaseSubmittedResponse>> Submit(CaseKind kind, PublicCaseRequest body, CaseWorkflow workflow, CancellationToken ct)
    {
        var (c, key) = await workflow.SubmitAsync(kind, body, CaseChannel.Portal, ct);
        var path = kind == CaseKind.Complaint ? "complaints" : "opinions";
        return TypedResults.Created($"/api/{path}/{c.TrackingCode}", new CaseSubmittedResponse(c.TrackingCode, key, c.DueOn));
    }

    private static async Task<Results<Ok<CaseTrackingView>, ProblemHttpResult>> Track(CaseKind kind, string code, string? key, CaseWorkflow workflow, CaseQueries queries, CancellationToken ct)
    {
        var c = await workflow.FindOwnAsync(code, key, ct);
        return c is null || c.Kind != kind
            ? Problems.Problem(404, "没有找到该事项：请核对查询码和查询密钥。")
            : TypedResults.Ok(await queries.TrackAsync(c, ct));
    }

    private static async Task<Ok<CaseTrackingView>> Own(Task<VoiceCase> step, CaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.TrackAsync(await step, ct));

    private static async Task<Ok<PublishedPage>> Published(string? q, string? department, CaseQueries queries, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await queries.PublishedAsync(q, department, page, pageSize, ct));
}

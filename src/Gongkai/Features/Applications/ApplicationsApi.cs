using Gongkai.Data;
using Gongkai.Features.Calendar;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.Applications;

/// <summary>The public applications API (no account). Route names are fixed by issue 4.</summary>
public static class ApplicationsApi
{
    public const string AccessKeyHeader = "X-Access-Key";

    public static void MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/applications").WithTags("依申请公开");
        open.MapPost("/", Submit).RequireRateLimiting(ApplicationsSetup.SubmitLimit)
            .WithSummary("提交政府信息公开申请（无需登录）")
            .WithDescription("applicantType 为年度报告的申请人类别（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他，或 natural-person、commercial 等）；自然人须填写 idNumber。返回查询码 trackingCode 和查询密钥 accessKey（只显示这一次，请妥善保存）、收到申请日期和答复期限。同一地址每小时提交次数有限。");
        open.MapGet("/{trackingCode}", Track).RequireRateLimiting(ApplicationsSetup.LookupLimit)
            .WithSummary("查询申请进度（请求头 X-Access-Key 填写查询密钥）")
            .WithDescription("返回办理状态、当前答复期限及其计算依据、办理经过和答复结果。查询码或密钥不正确均返回404。");
    }

    private static async Task<Created<SubmittedResponse>> Submit(PublicApplicationRequest body, ApplicationWorkflow workflow, CancellationToken ct)
    {
        var (application, key) = await workflow.SubmitAsync(body, ct);
        return TypedResults.Created($"/api/applications/{application.TrackingCode}",
            new SubmittedResponse(application.TrackingCode, key, application.ReceivedOn, application.DueOn));
    }

    private static async Task<Results<Ok<TrackingView>, ProblemHttpResult>> Track(
        string trackingCode, [FromHeader(Name = AccessKeyHeader)] string? accessKey,
        GongkaiDbContext db, CalendarService calendars, CancellationToken ct)
    {
        var view = await ApplicationQueries.TrackAsync(db, await calendars.GetAsync(ct), trackingCode, accessKey, ct);
        return view is null
            ? Problems.Problem(404, "没有找到该申请：请核对查询码和查询密钥。")
            : TypedResults.Ok(view);
    }
}

using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.AnnualReports;

public sealed record ReportSettingsRequest(bool? IncludeDepartments);
public sealed record PublishedResponse(int Year, string Body, long ItemId, string? IndexNumber, string Url);

/// <summary>
/// The annual report API (issue 5; route names are a public contract). Anyone may read a report: a
/// published one as it was published, an unpublished one as computed now. Staff (bearer token) enter
/// figures, edit sections and publish; the office administrator for every body, department staff for their own.
/// </summary>
public static class AnnualReportsApi
{
    public static void MapAnnualReportsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/reports/annual").WithTags("政府信息公开工作年度报告");
        open.MapGet("/{year:int}", Get)
            .WithSummary("年度报告（body：机构代码，或 gov 表示区人民政府）：章节、表二、表三、表四和勾稽关系校验");

        var staff = app.MapGroup("/api/admin/reports/annual").WithTags("政府信息公开工作年度报告（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
        staff.MapPut("/{year:int}/figures", Figures)
            .WithSummary("填写表二中来自其他系统的数据：{\"licensing.decisions\": {\"value\": 120, \"source\": \"区行政审批局审批系统\"}}；value 为 null 表示清空");
        staff.MapPut("/{year:int}/sections", Sections)
            .WithSummary("保存章节文字：{\"overview.proactive\": \"……\"}；null 表示恢复系统生成的草稿");
        staff.MapPut("/{year:int}/settings", Settings)
            .WithSummary("区人民政府年度报告是否统计所属部门的数据：{\"includeDepartments\": true}");
        staff.MapPost("/{year:int}/publish", Publish)
            .WithSummary("校验勾稽关系并发布到“政府信息公开工作年度报告”栏目；校验未通过返回409及未通过的校验项");
    }

    private static async Task<Ok<ReportView>> Get(int year, string? body, AnnualReportService reports, CancellationToken ct) =>
        TypedResults.Ok(ReportView.From(await reports.ReadAsync(year, body, ct)));

    private static async Task<Ok<ReportView>> Figures(int year, string? body, Dictionary<string, FigureInput?>? figures,
        AnnualReportEditing editing, AnnualReportService reports, CancellationToken ct)
    {
        await editing.SaveFiguresAsync(year, body, figures, ct);
        return TypedResults.Ok(ReportView.From(await reports.ReadAsync(year, body, ct)));
    }

    private static async Task<Ok<ReportView>> Sections(int year, string? body, Dictionary<string, string?>? sections,
        AnnualReportEditing editing, AnnualReportService reports, CancellationToken ct)
    {
        await editing.SaveSectionsAsync(year, body, sections, ct);
        return TypedResults.Ok(ReportView.From(await reports.ReadAsync(year, body, ct)));
    }

    private static async Task<Results<Ok<ReportView>, ValidationProblem>> Settings(int year, string? body, ReportSettingsRequest? request,
        AnnualReportEditing editing, AnnualReportService reports, CancellationToken ct)
    {
        if (request?.IncludeDepartments is not { } include)
            return Problems.Validation(new() { ["includeDepartments"] = ["请填写是否统计所属部门的数据（true 或 false）"] });
        await editing.SetIncludeDepartmentsAsync(year, body, include, ct);
        return TypedResults.Ok(ReportView.From(await reports.ReadAsync(year, body, ct)));
    }

    private static async Task<Results<Ok<PublishedResponse>, ProblemHttpResult>> Publish(int year, string? body, PublishReport publish, CancellationToken ct)
    {
        var outcome = await publish.RunAsync(year, body, ct);
        if (!outcome.Published)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "勾稽关系校验未通过",
                Detail = $"有{outcome.Failed.Count}项校验未通过，年度报告不能发布：" + string.Join("；", outcome.Failed.Select(f => f.Rule)),
                Extensions = { ["checks"] = outcome.Failed.Select(f => new CheckView(f.Code, f.Rule, f.Passed, f.Detail, f.Cells)).ToArray() },
            });
        return TypedResults.Ok(new PublishedResponse(year, (body ?? "").Trim().ToLowerInvariant(), outcome.ItemId!.Value, outcome.IndexNumber, $"/items/{outcome.ItemId}"));
    }
}

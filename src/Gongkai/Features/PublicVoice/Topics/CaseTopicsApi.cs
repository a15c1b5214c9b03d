using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.PublicVoice.Topics;

/// <summary>Topics: public GET /api/opinions/topics (what the form offers); the office's GET/POST/PUT /api/admin/case-topics.</summary>
public static class CaseTopicsApi
{
    public static void AddCaseTopics(this WebApplicationBuilder builder) => builder.Services.AddScoped<CaseTopicEditing>();

    public static void MapCaseTopics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/opinions/topics", async (CaseTopicEditing topics, CancellationToken ct) => TypedResults.Ok(await topics.ListAsync(activeOnly: true, ct)))
            .WithTags("民生民意").WithSummary("来信类别（提交时 topic 填写类别代码）");
        var office = app.MapGroup("/api/admin/case-topics").WithTags("民生民意、效能投诉、监督员建议（工作人员）")
            .RequireAuthorization(Policies.ApiOfficeAdmin).AddEndpointFilter<ActiveStaffFilter>();
        office.MapGet("/", async (CaseTopicEditing topics, CancellationToken ct) => TypedResults.Ok(await topics.ListAsync(activeOnly: false, ct)))
            .WithSummary("全部类别（含已停用）");
        office.MapPost("/", Create).WithSummary("新增类别（code 创建后不能修改；defaultDepartment 为常用承办部门代码）");
        office.MapPut("/{code}", Update).WithSummary("修改类别（active=false 停用，已有事项不受影响）");
    }

    private static async Task<Results<Created<TopicView>, ValidationProblem>> Create(TopicInput body, CaseTopicEditing topics, CancellationToken ct)
    {
        var (errors, saved) = await topics.SaveAsync(null, body, ct);
        return saved is null ? Problems.Validation(errors) : TypedResults.Created($"/api/admin/case-topics/{saved.Code}", saved);
    }

    private static async Task<Results<Ok<TopicView>, ValidationProblem, ProblemHttpResult>> Update(string code, TopicInput body, CaseTopicEditing topics, CancellationToken ct)
    {
        var (errors, saved) = await topics.SaveAsync(code, body, ct);
        if (saved is not null) return TypedResults.Ok(saved);
        return code is not null && errors.Count == 1 && errors.TryGetValue("code", out var missing) ? Problems.Problem(404, missing[0]) : Problems.Validation(errors);
    }
}

using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// The staff API of the case engine (bearer token). Who may take which step is
/// <see cref="CaseActor"/>'s rule: a case the caller may not read answers 404; a step the caller may
/// not take, 403; a step the state refuses, 409; a refused value, 422 or 400 with the field.
/// </summary>
public static class CasesAdminApi
{
    public static void MapCasesAdminApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/admin/cases").WithTags("民生民意、效能投诉、监督员建议（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();

        staff.MapGet("/", List).WithSummary("事项列表：kind（opinion、complaint、suggestion）、status（open、pending 或状态代码）、department、overdue、q，分页");
        staff.MapPost("/", Register).WithSummary("登记来信、来访、热线（channel：letter、visit、hotline）或监督员建议（kind=suggestion，supervisorId）");
        staff.MapGet("/{id:long}", Detail).WithSummary("一件事项：办理经过、承办部门、答复、评价、关联、当前可执行的操作");
        Step(staff, CaseSteps.Assign, "分办：departments 为部门代码（第一个主办，其余协办），dueInWorkingDays 自收到之日起的工作日数", (long id, AssignCaseRequest b, CaseWorkflow w, CancellationToken ct) => w.AssignAsync(id, b, ct));
        Step(staff, CaseSteps.Accept, "主办部门签收（效能投诉：效能监察员受理）", (long id, CaseWorkflow w, CancellationToken ct) => w.AcceptAsync(id, ct));
        Step(staff, CaseSteps.Return, "主办部门退回公开办（reason）", (long id, CaseReasonRequest b, CaseWorkflow w, CancellationToken ct) => w.ReturnAsync(id, b, ct));
        Step(staff, CaseSteps.Transfer, "主办部门申请转办（department、reason），由公开办重新分办或不同意", (long id, CaseTransferRequest b, CaseWorkflow w, CancellationToken ct) => w.RequestTransferAsync(id, b, ct));
        Step(staff, CaseSteps.DeclineTransfer, "公开办不同意转办（reason）", (long id, CaseReasonRequest b, CaseWorkflow w, CancellationToken ct) => w.DeclineTransferAsync(id, b, ct));
        Step(staff, CaseSteps.Answer, "拟写答复（text）", (long id, CaseTextRequest b, CaseWorkflow w, CancellationToken ct) => w.AnswerAsync(id, b, ct));
        Step(staff, CaseSteps.Approve, "审核：部门审核人审核通过，再由公开办审核后发送给来信人", (long id, CaseWorkflow w, CancellationToken ct) => w.ApproveAsync(id, ct));
        Step(staff, CaseSteps.Reject, "答复退回修改（reason）", (long id, CaseReasonRequest b, CaseWorkflow w, CancellationToken ct) => w.RejectAnswerAsync(id, b, ct));
        Step(staff, CaseSteps.Publish, "经来信人同意，去除个人信息后公开问答（title、question、answer，不填则用原文；含身份证号、手机号、银行卡号时拒绝）", (long id, PublishCaseRequest b, CaseWorkflow w, CancellationToken ct) => w.PublishAsync(id, b, ct));
        Step(staff, CaseSteps.Unpublish, "撤回公开（reason）", (long id, CaseReasonRequest b, CaseWorkflow w, CancellationToken ct) => w.UnpublishAsync(id, b, ct));
        Step(staff, CaseSteps.Close, "办结（监督员建议须填 outcome：rectified、adopted、answered）", (long id, CloseCaseRequest b, CaseWorkflow w, CancellationToken ct) => w.CloseAsync(id, b, ct));
        Step(staff, CaseSteps.SendBack, "发回重办（reason、dueInWorkingDays）", (long id, SendBackCaseRequest b, CaseWorkflow w, CancellationToken ct) => w.SendBackAsync(id, b, ct));
        Step(staff, CaseSteps.FollowUp, "记录回访结果（text）", (long id, CaseTextRequest b, CaseWorkflow w, CancellationToken ct) => w.FollowUpAsync(id, b, ct));
        Step(staff, CaseSteps.Supervise, "督办意见（note；escalate=true 升级督办）", (long id, SuperviseCaseRequest b, CaseWorkflow w, CancellationToken ct) => w.SuperviseAsync(id, b, ct));
        Step(staff, CaseSteps.Merge, "合并重复件：into 为保留件的编号或查询码", (long id, MergeCaseRequest b, CaseWorkflow w, CancellationToken ct) => w.MergeAsync(id, b, ct));
        Step(staff, CaseSteps.Note, "添加备注（协办意见等，text）", (long id, CaseTextRequest b, CaseWorkflow w, CancellationToken ct) => w.NoteAsync(id, b, ct));
        Step(staff, CaseSteps.Findings, "效能投诉调查结论（finding：substantiated、partly-substantiated、unsubstantiated；findings；sanctions）", (long id, FindingsRequest b, CaseWorkflow w, CancellationToken ct) => w.RecordFindingsAsync(id, b, ct));
        staff.MapPost("/{id:long}/" + CaseSteps.Link, Link).WithSummary("关联同一事由的事项、依申请公开、征求意见或政府信息（type、target、note）");
    }

    private static void Step(RouteGroupBuilder group, string name, string summary, Delegate handler)
    {
        // Every step answers with where the case stands now.
        group.MapPost("/{id:long}/" + name, handler).WithSummary(summary)
            .AddEndpointFilter(async (ctx, next) =>
            {
                var result = await next(ctx);
                return result is VoiceCase c ? await StepResponseAsync(c, ctx.HttpContext) : result;
            });
    }

    private static async Task<Ok<CaseStepResponse>> StepResponseAsync(VoiceCase c, HttpContext http)
    {
        var db = http.RequestServices.GetRequiredService<GongkaiDbContext>();
        var dept = c.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(http.RequestAborted) : null;
        return TypedResults.Ok(new CaseStepResponse(c.Id, c.TrackingCode, c.Kind.Code(), c.Status.Code(), c.Status.ToChinese(), c.DueOn, dept));
    }

    private static async Task<Ok<CasePage>> List(string? kind, string? status, string? department, bool? overdue, string? q,
        CaseQueries queries, HttpContext http, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await queries.ListAsync(CaseActor.For(http.User), new CaseFilter(kind, status, department, overdue, q, page, pageSize), ct));

    private static async Task<Created<CaseSubmittedResponse>> Register(StaffCaseRequest body, CaseWorkflow workflow, CancellationToken ct)
    {
        var (c, key) = await workflow.RegisterAsync(body, ct);
        return TypedResults.Created($"/api/admin/cases/{c.Id}", new CaseSubmittedResponse(c.TrackingCode, key, c.DueOn));
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> Detail(long id, CaseQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.DetailAsync(CaseActor.For(http.User), id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.Problem(404, $"没有编号为 {id} 的事项。");

    private static async Task<Created<CaseLinkView>> Link(long id, LinkCaseRequest body, CaseWorkflow workflow, CancellationToken ct)
    {
        var link = await workflow.LinkAsync(id, body, ct);
        return TypedResults.Created($"/api/admin/cases/{id}", new CaseLinkView(link.Id, body.Type!.Trim().ToLowerInvariant(), link.TargetRef, link.TargetRef, null, link.Note));
    }
}

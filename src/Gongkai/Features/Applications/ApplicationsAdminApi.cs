using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Gongkai.Features.Calendar;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications;

/// <summary>
/// The staff applications API (bearer token). Department staff act on their department's
/// applications; the office on all; supervisors read. Every step answers with the current due date
/// and the reason it last moved; a step the state or the rules refuse answers 409 or 422 and
/// changes nothing.
/// </summary>
public static class ApplicationsAdminApi
{
    public static void MapApplicationsAdminApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/admin/applications").WithTags("依申请公开（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();

        staff.MapPost("/", Register).WithSummary("登记当面、邮寄、传真、电子邮件等渠道收到的申请（channel、receivedOn 按第三十一条确定）");
        staff.MapGet("/", Inbox).WithSummary("申请列表：status（open、received、accepted、returned、replied、closed）、department、overdue，分页");
        staff.MapGet("/proposals", Proposals).WithSummary("第四十四条：多个申请人申请相同信息，建议纳入主动公开");
        staff.MapGet("/{id:long}", Detail).WithSummary("一件申请：办理经过、答复期限及其计算依据、可能的重复申请、复议诉讼");
        staff.MapGet("/{id:long}/personal-data", Reveal).WithSummary("申请人身份证件号码和联系方式原文（仅承办部门和公开办，记入审计日志）");
        staff.MapPost("/{id:long}/accept", (long id, OnRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.AcceptAsync(id, body, ct), c, ct))
            .WithSummary("承办部门受理");
        staff.MapPost("/{id:long}/return", (long id, ReasonOnRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.ReturnAsync(id, body, ct), c, ct))
            .WithSummary("承办部门退回公开办（须填写理由）");
        staff.MapPost("/{id:long}/transfer", (long id, TransferRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.TransferAsync(id, body, ct), c, ct))
            .WithSummary("公开办转办给其他承办部门");
        staff.MapPost("/{id:long}/correction-request", (long id, CorrectionRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.RequestCorrectionAsync(id, body, ct), c, ct))
            .WithSummary("告知补正（第三十条：收到申请之日起7个工作日内一次性告知；答复期限中止）");
        staff.MapPost("/{id:long}/corrected", (long id, OnRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.RecordCorrectionAsync(id, body, ct), c, ct))
            .WithSummary("收到补正后的申请（答复期限自该日起重新计算）");
        staff.MapPost("/{id:long}/consultation", (long id, ConsultationRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.StartConsultationAsync(id, body, ct), c, ct))
            .WithSummary("征求第三方或其他机关意见（第三十二条、第三十四条；所需时间不计入答复期限）");
        staff.MapPost("/{id:long}/consultation-end", (long id, OnRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.EndConsultationAsync(id, body, ct), c, ct))
            .WithSummary("征求意见结束（答复期限顺延其间的工作日数）");
        staff.MapPost("/{id:long}/extend", (long id, ExtendRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.ExtendAsync(id, body, ct), c, ct))
            .WithSummary("延长答复期限（第三十三条第二款：一次，最长20个工作日，须填写理由）");
        staff.MapPost("/{id:long}/fee-notice", (long id, FeeNoticeRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.NoticeFeeAsync(id, body, ct), c, ct))
            .WithSummary("发出信息处理费收费通知（国办函〔2020〕109号；amount，或 pages 按量、items 按件计算）");
        staff.MapPost("/{id:long}/fee-paid", (long id, OnRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.RecordFeePaidAsync(id, body, ct), c, ct))
            .WithSummary("申请人已缴费（通知至缴费期间不计入答复期限）");
        staff.MapPost("/{id:long}/reply", (long id, ReplyRequest body, ApplicationWorkflow w, CalendarService c, CancellationToken ct) => Step(w.ReplyAsync(id, body, ct), c, ct))
            .WithSummary("答复（outcome 为年度报告的办理结果之一，如 granted、partial、refused.third-party）");
    }

    private static async Task<Ok<ClockResponse>> Step(Task<InformationApplication> step, CalendarService calendars, CancellationToken ct)
    {
        var application = await step;
        return TypedResults.Ok(ClockResponse.From(application, application.ReadClock(await calendars.GetAsync(ct))));
    }

    private static async Task<Created<RegisteredResponse>> Register(StaffApplicationRequest body, ApplicationWorkflow workflow, CancellationToken ct)
    {
        var (a, key) = await workflow.RegisterAsync(body, ct);
        return TypedResults.Created($"/api/admin/applications/{a.Id}", new RegisteredResponse(a.Id, a.TrackingCode, key, a.ReceivedOn, a.DueOn));
    }

    private static async Task<Ok<InboxPage>> Inbox(string? status, string? department, bool? overdue, int? page, int? pageSize,
        GongkaiDbContext db, DepartmentScope scope, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ApplicationQueries.InboxAsync(db, scope, new InboxFilter(status, department, overdue, page ?? 1, pageSize ?? 20), ChinaTime.Today(clock), ct));

    private static async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> Detail(long id, GongkaiDbContext db, DepartmentScope scope,
        CalendarService calendars, CancellationToken ct)
    {
        var detail = await ApplicationQueries.DetailAsync(db, scope, await calendars.GetAsync(ct), id, ct);
        return detail is null ? Problems.Problem(404, $"没有编号为 {id} 的申请。") : TypedResults.Ok(detail);
    }

    private static async Task<Ok<PersonalDataView>> Reveal(long id, ApplicationWorkflow workflow, CancellationToken ct)
    {
        var (idNumber, contact) = await workflow.RevealAsync(id, ct);
        return TypedResults.Ok(new PersonalDataView(idNumber, contact));
    }

    private static async Task<Ok<ProactiveProposal[]>> Proposals(GongkaiDbContext db, DepartmentScope scope, TimeProvider clock,
        IOptions<ApplicationOptions> options, CancellationToken ct)
    {
        var since = ChinaTime.Today(clock).AddMonths(-options.Value.ProposalMonths);
        return TypedResults.Ok(await ApplicationQueries.ProposalsAsync(db, scope, since, options.Value.ProposalMinApplicants, ct));
    }
}

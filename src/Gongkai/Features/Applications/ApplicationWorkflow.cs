using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Features.Calendar;
using Gongkai.Features.Organisation;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications;

/// <summary>
/// The use cases of disclosure on application, shared by the API and the pages: intake online and
/// by staff, the department's acceptance, return and transfer, the clock steps, the reply, the
/// closing of lapsed applications. The rules themselves live in <see cref="InformationApplication"/>
/// and <see cref="StatutoryClock"/>; this class finds the record, checks who may touch it, and saves.
/// </summary>
public sealed partial class ApplicationWorkflow(
    GongkaiDbContext db, DepartmentScope scope, CalendarService calendars, TimeProvider clock,
    IAuditActorAccessor actors, ApplicantProtector protector, Letters.ReplyLetters? letters = null)
{
    /// <summary>Who records a step the applicant made online.</summary>
    public const string Applicant = "申请人";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TransitionContext> ContextAsync(CancellationToken ct) =>
        new(await calendars.GetAsync(ct), ChinaTime.Today(clock), actors.Current?.Name ?? Applicant, Now);

    /// <summary>
    /// An application from the portal's form. It is received today: 第三十一条第（三）项 counts an
    /// internet application from the day both sides confirm it, and the portal confirms at once
    /// with the tracking code.
    /// </summary>
    public async Task<(InformationApplication Application, string AccessKey)> SubmitAsync(PublicApplicationRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var type = ApplicantTypeOf(errors, input.ApplicantType);
        var id = errors.Text("idNumber", input.IdNumber, 30, "身份证件号码", required: type == ApplicantType.NaturalPerson);
        errors.Text("contact", input.Contact, 100, "联系方式", required: true);
        errors.Text("deliveryForm", input.DeliveryForm, 200, "获取信息的方式和途径", required: true);
        CheckIdNumber(errors, id);
        var department = await DepartmentAsync(errors, "department", input.Department, ct);
        var today = ChinaTime.Today(clock);
        return await CreateAsync(errors, type, input.Name, id, input.Contact, input.Description, input.DocumentNumber,
            input.DeliveryForm, ReceiptChannel.Online, today, department, ct);
    }

    /// <summary>Staff register an application that came in person, by post, fax or e-mail.</summary>
    public async Task<(InformationApplication Application, string AccessKey)> RegisterAsync(StaffApplicationRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var channel = ReceiptChannel.InPerson;
        if (string.IsNullOrWhiteSpace(input.Channel)) errors.Add("channel", "请选择申请渠道");
        else if (!ReceiptChannels.TryParse(input.Channel, out channel))
            errors.Add("channel", "申请渠道应为 online、in-person、post、post-ordinary、fax 或 email");
        var receivedOn = errors.Date("receivedOn", input.ReceivedOn, "收到申请日期");
        var type = ApplicantTypeOf(errors, input.ApplicantType);
        var id = errors.Text("idNumber", input.IdNumber, 30, "身份证件号码", required: false);
        errors.Text("contact", input.Contact, 100, "联系方式", required: false);
        errors.Text("deliveryForm", input.DeliveryForm, 200, "获取信息的方式和途径", required: false);
        CheckIdNumber(errors, id);
        var department = await DepartmentAsync(errors, "department", input.Department, ct);
        if (department != 0) scope.EnsureCanWrite(department);
        return await CreateAsync(errors, type, input.Name, id, input.Contact, input.Description, input.DocumentNumber,
            input.DeliveryForm, channel, receivedOn, department, ct);
    }

    private async Task<(InformationApplication, string)> CreateAsync(FieldErrors errors, ApplicantType type, string? name, string? idNumber,
        string? contact, string? description, string? documentNumber, string? deliveryForm, ReceiptChannel channel, DateOnly receivedOn,
        int department, CancellationToken ct)
    {
        errors.Text("name", name, 100, "申请人姓名或名称", required: true);
        errors.Text("description", description, 4000, "所需政府信息的名称、文号或描述", required: true);
        errors.Text("documentNumber", documentNumber, 100, "文号", required: false);
        errors.ThrowIfAny();

        var accessKey = TrackingCodes.NewAccessKey();
        string code;
        do code = TrackingCodes.NewTrackingCode(receivedOn.Year);
        while (await db.Applications.AnyAsync(a => a.TrackingCode == code, ct));
        contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        var intake = new ApplicationIntake(type, name!, protector.Protect(idNumber), protector.Protect(contact), description!,
            documentNumber, deliveryForm, channel, receivedOn, department, code, TrackingCodes.HashAccessKey(accessKey))
        {
            IdNumberMasked = idNumber is null ? null : ApplicantData.MaskIdNumber(idNumber),
            ContactMasked = contact is null ? null : ApplicantData.MaskContact(contact),
        };
        var application = new InformationApplication(intake, await ContextAsync(ct));
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        return (application, accessKey);
    }

    public Task<InformationApplication> AcceptAsync(long id, OnRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) => { var on = e.Date("on", body.On, "受理日期"); e.ThrowIfAny(); a.Accept(on, c); }, ct);

    public Task<InformationApplication> ReturnAsync(long id, ReasonOnRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) => { var on = e.Date("on", body.On, "退回日期"); e.ThrowIfAny(); a.ReturnToOffice(on, body.Reason ?? "", c); }, ct);

    /// <summary>Only the office assigns applications to departments (转办).</summary>
    public async Task<InformationApplication> TransferAsync(long id, TransferRequest body, CancellationToken ct)
    {
        if (!scope.WritesAll) throw new DepartmentScopeException("只有政府信息公开工作机构（公开办）可以转办申请");
        var errors = new FieldErrors();
        var department = await DepartmentAsync(errors, "department", body.Department, ct);
        return await StepAsync(id, (a, c, e) =>
        {
            var on = errors.Date("on", body.On, "转办日期");
            errors.ThrowIfAny();
            a.Transfer(on, department, body.Reason ?? "", c);
        }, ct);
    }

    public Task<InformationApplication> RequestCorrectionAsync(long id, CorrectionRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) =>
        {
            var on = e.Date("on", body.On, "告知补正日期");
            var deadline = e.Date("deadline", body.Deadline, "补正期限");
            e.ThrowIfAny();
            a.RequestCorrection(on, deadline, c);
        }, ct);

    public Task<InformationApplication> RecordCorrectionAsync(long id, OnRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) => { var on = e.Date("on", body.On, "收到补正日期"); e.ThrowIfAny(); a.RecordCorrection(on, c); }, ct);

    public Task<InformationApplication> StartConsultationAsync(long id, ConsultationRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) => { var on = e.Date("from", body.From, "征求意见日期"); e.ThrowIfAny(); a.StartConsultation(on, body.Party, c); }, ct);

    public Task<InformationApplication> EndConsultationAsync(long id, OnRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) => { var on = e.Date("on", body.On, "征求意见结束日期"); e.ThrowIfAny(); a.EndConsultation(on, c); }, ct);

    public Task<InformationApplication> ExtendAsync(long id, ExtendRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) =>
        {
            var on = e.Date("on", body.On, "延期决定日期");
            if (body.WorkingDays is null) e.Add("workingDays", "请填写延长的工作日数");
            e.ThrowIfAny();
            a.Extend(on, body.WorkingDays!.Value, body.Reason ?? "", c);
        }, ct);

    public Task<InformationApplication> RecordFeePaidAsync(long id, OnRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c, e) => { var on = e.Date("on", body.On, "缴费日期"); e.ThrowIfAny(); a.RecordFeePaid(on, c); }, ct);

    public async Task<InformationApplication> ReplyAsync(long id, ReplyRequest body, CancellationToken ct)
    {
        var application = await StepAsync(id, (a, c, e) =>
        {
            var on = e.Date("on", body.On, "答复日期");
            var outcome = default(ReplyOutcome);
            if (string.IsNullOrWhiteSpace(body.Outcome)) e.Add("outcome", "请选择答复结果");
            else if (!ReplyOutcomes.TryParse(body.Outcome, out outcome))
                e.Add("outcome", $"答复结果“{body.Outcome}”无效，应为年度报告所列情形之一，如 granted、partial、refused.third-party");
            Letters.LetterDetails.Check(e, body.OtherBody, body.OtherBodyContact, body.Obtain);
            e.ThrowIfAny();
            a.Reply(on, outcome, body.Text, c);
        }, ct);
        // The reply letter (告知书) is written after the reply is saved: failing to write it never undoes the reply.
        if (letters is not null)
            await letters.AfterReplyAsync(application, new Letters.LetterDetails(body.OtherBody, body.OtherBodyContact, body.Obtain), ct);
        return application;
    }

    /// <summary>
    /// Loads the application for a change: invisible ones answer 404 like missing ones, visible ones
    /// outside the caller's department 403. The step runs on the domain object; a refused step
    /// throws before anything is saved.
    /// </summary>
    private async Task<InformationApplication> StepAsync(long id, Action<InformationApplication, TransitionContext, FieldErrors> step, CancellationToken ct)
    {
        var application = await LoadForWriteAsync(id, ct);
        step(application, await ContextAsync(ct), new FieldErrors());
        await SaveStepAsync(ct);
        return application;
    }

    /// <summary>
    /// Two people recording a step on the same application at once both read step n and both add
    /// step n + 1: the unique (application, sequence) index (or the version check) refuses the
    /// second, which is told to reload, as a conflict rather than a server error.
    /// </summary>
    private async Task SaveStepAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && IsUniqueViolation(e))
        {
            throw new Domain.Common.DomainConflictException("该申请刚被他人修改，请刷新后重试", e);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    internal async Task<InformationApplication> LoadForWriteAsync(long id, CancellationToken ct)
    {
        var application = await db.Applications.Include(a => a.Events).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !scope.CanRead(application.DepartmentId)) throw new NotFoundException($"没有编号为 {id} 的申请。");
        scope.EnsureCanWrite(application.DepartmentId);
        return application;
    }

    private static ApplicantType ApplicantTypeOf(FieldErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("applicantType", "请选择申请人类型");
            return default;
        }
        if (ApplicantTypes.TryParse(text, out var type)) return type;
        errors.Add("applicantType", "申请人类型应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他");
        return default;
    }

    /// <summary>Letters, digits and dashes: a 居民身份证, passport or other document number.</summary>
    private static void CheckIdNumber(FieldErrors errors, string? id)
    {
        if (id is null || errors.Has("idNumber")) return;
        if (id.Length < 5 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            errors.Add("idNumber", "身份证件号码应为5至30位字母或数字");
    }

    private async Task<int> DepartmentAsync(FieldErrors errors, string field, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, "请选择承办部门");
            return 0;
        }
        var id = await db.Departments.IdByCodeAsync(code, activeOnly: true, ct) ?? 0;
        if (id == 0) errors.Add(field, $"没有代码为“{code}”的机构");
        return id;
    }
}

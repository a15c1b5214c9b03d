using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Cases;
using Gongkai.Domain.Common;
using Gongkai.Features.Applications;
using Gongkai.Features.Audit;
using Gongkai.Features.Calendar;
using Gongkai.Features.Notifications;
using Gongkai.Features.Organisation;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// The use cases of the case engine, shared by the API and the pages: intake from the portal and
/// by staff, triage and assignment, the department's acceptance, return and transfer, the answer
/// with its two approvals, publication, rating, reopening, re-handling, follow-up, supervision,
/// merging and links. The rules of each step live in <see cref="VoiceCase"/>; this class finds
/// the case, checks who may take the step (<see cref="CaseActor"/>) and saves.
/// </summary>
public sealed partial class CaseWorkflow(
    GongkaiDbContext db, CalendarService calendars, TimeProvider clock, IAuditActorAccessor actors,
    ApplicantProtector protector, Outbox outbox, IHttpContextAccessor http)
{
    /// <summary>Who records a step the citizen took online.</summary>
    public const string CitizenName = "来信人";

    public CaseActor Actor => CaseActor.For(http.HttpContext?.User);

    public async Task<TransitionContext> ContextAsync(CancellationToken ct) =>
        new(await calendars.GetAsync(ct), ChinaTime.Today(clock), actors.Current?.Name ?? CitizenName, clock.GetUtcNow().UtcDateTime);

    /// <summary>The reply deadline in working days for a kind: the office's setting, or the default (opinions 10, others 15).</summary>
    public async Task<int> DueDaysAsync(CaseKind kind, CancellationToken ct) =>
        await db.CaseKindSettings.Where(s => s.Kind == kind).Select(s => (int?)s.DueWorkingDays).FirstOrDefaultAsync(ct) ?? DefaultDueDays(kind);

    public static int DefaultDueDays(CaseKind kind) => kind == CaseKind.Opinion ? 10 : 15;

    /// <summary>An opinion or a complaint from the portal or the API (no account). Received today.</summary>
    public async Task<(VoiceCase Case, string AccessKey)> SubmitAsync(CaseKind kind, PublicCaseRequest input, CaseChannel channel, CancellationToken ct)
    {
        if (kind == CaseKind.Suggestion) throw new ArgumentException("Suggestions are registered by staff.", nameof(kind));
        var errors = new FieldErrors();
        var accused = await AccusedAsync(errors, kind, input.AccusedDepartment, input.AccusedPerson, ct);
        var topic = await TopicAsync(errors, input.Topic, ct);
        if (input.Lat is null != input.Lng is null) errors.Add("lat", "经纬度须同时填写");
        return await CreateAsync(errors, kind, channel, ChinaTime.Today(clock), input.Title, input.Content, input.Name, input.Contact,
            input.PublishConsent == true, topic, input.Address, input.Lat, input.Lng, accused, input.AccusedPerson, null, ct);
    }

    /// <summary>
    /// Staff register a case that came by letter, visit or hotline (opinions: the office; complaints:
    /// the supervision staff), or a supervisor's suggestion (the office).
    /// </summary>
    public async Task<(VoiceCase Case, string AccessKey)> RegisterAsync(StaffCaseRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = CaseKind.Opinion;
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add("kind", "请选择事项类型");
        else if (!CaseCodes.TryParseKind(input.Kind, out kind)) errors.Add("kind", "事项类型应为 opinion（民生民意）、complaint（效能投诉）或 suggestion（监督员建议）");
        var channel = CaseChannel.Letter;
        if (string.IsNullOrWhiteSpace(input.Channel)) channel = kind == CaseKind.Suggestion ? CaseChannel.Supervisor : CaseChannel.Letter;
        else if (!CaseCodes.TryParseChannel(input.Channel, out channel) || channel is CaseChannel.Portal or CaseChannel.Open311)
            errors.Add("channel", "来源渠道应为 letter（来信）、visit（来访）、hotline（热线电话）或 supervisor（监督员）");
        var receivedOn = errors.OptionalDate("receivedOn", input.ReceivedOn, "收到日期") ?? ChinaTime.Today(clock);
        if (!errors.Has("kind") && !Actor.ActsAsOffice(kind))
            throw new Accounts.DepartmentScopeException(kind == CaseKind.Complaint ? "只有效能监察员可以登记效能投诉" : "只有公开办可以登记来信来访");
        var accused = await AccusedAsync(errors, kind, input.AccusedDepartment, input.AccusedPerson, ct);
        var topic = await TopicAsync(errors, input.Topic, ct);
        long? supervisor = null;
        if (kind == CaseKind.Suggestion)
        {
            if (input.SupervisorId is not { } sid) errors.Add("supervisorId", "请选择提出建议的监督员");
            else if (!await db.Supervisors.AnyAsync(s => s.Id == sid, ct)) errors.Add("supervisorId", $"没有编号为 {sid} 的监督员");
            else supervisor = sid;
        }
        return await CreateAsync(errors, kind, channel, receivedOn, input.Title, input.Content, input.Name, input.Contact,
            input.PublishConsent == true, topic, input.Address, null, null, accused, input.AccusedPerson, supervisor, ct);
    }

    private async Task<(VoiceCase, string)> CreateAsync(FieldErrors errors, CaseKind kind, CaseChannel channel, DateOnly receivedOn,
        string? title, string? content, string? name, string? contact, bool consent, string? topic, string? address,
        double? lat, double? lon, int? accusedDepartment, string? accusedPerson, long? supervisor, CancellationToken ct)
    {
        var complaint = kind == CaseKind.Complaint;
        errors.Text("title", title, VoiceCase.TitleMax, "标题", required: true);
        errors.Text("content", content, VoiceCase.ContentMax, "内容", required: true);
        errors.Text("name", name, 100, "姓名", required: complaint);
        contact = errors.Text("contact", contact, 100, "联系方式", required: complaint);
        errors.Text("address", address, 300, "地址", required: false);
        if (contact is not null && !errors.Has("contact") && !LooksLikeContact(contact))
            errors.Add("contact", "联系方式应为手机号码、固定电话或电子邮箱");
        errors.ThrowIfAny();

        var accessKey = TrackingCodes.NewAccessKey();
        string code;
        do code = TrackingCodes.NewTrackingCode(kind.TrackingPrefix(), receivedOn.Year);
        while (await db.Cases.AnyAsync(c => c.TrackingCode == code, ct));
        var intake = new CaseIntake(kind, channel, title!, content!, name, protector.Protect(contact),
            contact is null ? null : ApplicantData.MaskContact(contact), consent, receivedOn, await DueDaysAsync(kind, ct),
            code, TrackingCodes.HashAccessKey(accessKey))
        {
            Topic = topic, Address = address, Latitude = lat, Longitude = lon,
            AccusedDepartmentId = accusedDepartment, AccusedPerson = accusedPerson, SupervisorId = supervisor,
        };
        var c = new VoiceCase(intake, await ContextAsync(ct));
        db.Cases.Add(c);
        await db.SaveChangesAsync(ct);
        return (c, accessKey);
    }

    /// <summary>Phone (digits, spaces, dashes, a leading +) or e-mail.</summary>
    internal static bool LooksLikeContact(string contact)
    {
        var t = contact.Trim();
        var at = t.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) return at < t.Length - 3 && t.IndexOf('.', at) > at + 1 && !t.Any(char.IsWhiteSpace);
        var digits = t.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15 && t.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ' or '+' or '(' or ')');
    }

    private async Task<int?> AccusedAsync(FieldErrors errors, CaseKind kind, string? department, string? person, CancellationToken ct)
    {
        if (kind != CaseKind.Complaint) return null;
        errors.Text("accusedPerson", person, 100, "被投诉人", required: false);
        int? id = null;
        if (!string.IsNullOrWhiteSpace(department))
        {
            id = await DepartmentIdAsync(department, ct);
            if (id is null) errors.Add("accusedDepartment", $"没有代码为“{department}”的单位");
        }
        if (id is null && string.IsNullOrWhiteSpace(person) && !errors.Has("accusedDepartment"))
            errors.Add("accusedDepartment", "请写明被投诉的单位或人员");
        return id;
    }

    private async Task<string?> TopicAsync(FieldErrors errors, string? topic, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(topic)) return null;
        var code = topic.Trim();
        if (await db.CaseTopics.AnyAsync(t => t.Code == code && t.Active, ct)) return code;
        errors.Add("topic", $"没有代码为“{topic}”的类别");
        return null;
    }

    internal Task<int?> DepartmentIdAsync(string code, CancellationToken ct) => db.Departments.IdByCodeAsync(code, activeOnly: true, ct);

    /// <summary>Cases with what every step reads: the timeline and the assignments.</summary>
    internal IQueryable<VoiceCase> WithTimeline => db.Cases.Include(x => x.Events).Include(x => x.Assignments).AsSplitQuery();

    private async Task<string> DepartmentNameAsync(int id, CancellationToken ct) =>
        await db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstAsync(ct);

    /// <summary>
    /// Loads a case for a step: one the caller cannot read answers 404 like a missing one (a
    /// department learns nothing of complaints, or of other departments' cases).
    /// </summary>
    internal async Task<VoiceCase> LoadAsync(long id, CancellationToken ct)
    {
        var c = await WithTimeline.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !Actor.CanRead(c)) throw new NotFoundException($"没有编号为 {id} 的事项。");
        return c;
    }

    /// <summary>Runs one step: load, check the caller, apply the domain rule, save.</summary>
    private async Task<VoiceCase> StepAsync(long id, Func<CaseActor, VoiceCase, bool> may, string refusal,
        Func<VoiceCase, TransitionContext, Task> step, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (!may(Actor, c)) throw new Accounts.DepartmentScopeException(refusal);
        await step(c, await ContextAsync(ct));
        await SaveAsync(ct);
        return c;
    }

    private Task<VoiceCase> StepAsync(long id, Func<CaseActor, VoiceCase, bool> may, string refusal, Action<VoiceCase, TransitionContext> step, CancellationToken ct) =>
        StepAsync(id, may, refusal, (c, context) => { step(c, context); return Task.CompletedTask; }, ct);

    /// <summary>Two people stepping the same case at once: the second is told to reload (409), not a server error.</summary>
    internal async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new DomainConflictException("该件刚被他人修改，请刷新后重试", e);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw new DomainConflictException("该件刚被他人修改，请刷新后重试", e);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private const string OfficeOnly = "只有公开办（效能投诉：效能监察员）可以执行该操作";
    private const string HandlerOnly = "只有主办部门（效能投诉：效能监察员）可以执行该操作";

    public async Task<VoiceCase> AssignAsync(long id, AssignCaseRequest body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ids = new List<int>();
        if (body.Departments is not { Length: > 0 }) errors.Add("departments", "请选择主办部门（第一个为主办，其余为协办）");
        else
            foreach (var code in body.Departments)
            {
                if (await DepartmentIdAsync(code ?? "", ct) is { } d) ids.Add(d);
                else errors.Add("departments", $"没有代码为“{code}”的部门");
            }
        if (body.DueInWorkingDays is { } days && days is < VoiceCase.MinDueDays or > VoiceCase.MaxDueDays)
            errors.Add("dueInWorkingDays", $"办理时限应为 {VoiceCase.MinDueDays} 到 {VoiceCase.MaxDueDays} 个工作日");
        errors.ThrowIfAny();
        var leadName = await DepartmentNameAsync(ids[0], ct);
        return await StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind), OfficeOnly,
            (c, context) => c.Assign(ids[0], ids.Skip(1).ToList(), body.DueInWorkingDays, leadName, context), ct);
    }

    public Task<VoiceCase> AcceptAsync(long id, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsHandler(c), HandlerOnly, (c, context) => c.Accept(context), ct);

    public Task<VoiceCase> ReturnAsync(long id, CaseReasonRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsHandler(c), HandlerOnly, (c, context) => c.ReturnToOffice(body.Reason ?? "", context), ct);

    public async Task<VoiceCase> RequestTransferAsync(long id, CaseTransferRequest body, CancellationToken ct)
    {
        var target = string.IsNullOrWhiteSpace(body.Department) ? null : await DepartmentIdAsync(body.Department, ct);
        if (target is null)
            throw new InputException(new() { ["department"] = [string.IsNullOrWhiteSpace(body.Department) ? "请选择转办部门" : $"没有代码为“{body.Department}”的部门"] });
        var name = await DepartmentNameAsync(target.Value, ct);
        return await StepAsync(id, (a, c) => a.ActsAsHandler(c), HandlerOnly, (c, context) => c.RequestTransfer(target.Value, name, body.Reason ?? "", context), ct);
    }

    public Task<VoiceCase> DeclineTransferAsync(long id, CaseReasonRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind), OfficeOnly, (c, context) => c.DeclineTransfer(body.Reason ?? "", context), ct);

    public Task<VoiceCase> AnswerAsync(long id, CaseTextRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsHandler(c), HandlerOnly, async (c, context) =>
        {
            var name = c.DepartmentId is { } d ? await DepartmentNameAsync(d, ct) : await OfficeNameAsync(ct);
            c.DraftAnswer(body.Text ?? "", name, context);
        }, ct);

    /// <summary>
    /// The next approval the caller may give: the lead department's reviewer approves a drafted
    /// answer (审核); the office (for complaints, the supervision staff) checks an approved one, and
    /// it is sent to the citizen.
    /// </summary>
    public async Task<VoiceCase> ApproveAsync(long id, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var actor = Actor;
        var context = await ContextAsync(ct);
        if (c.Status == CaseStatus.AnswerDrafted)
        {
            if (!actor.ActsAsReviewer(c)) throw new Accounts.DepartmentScopeException("答复须由主办部门的审核人审核");
            c.ApproveAnswer(context);
        }
        else
        {
            if (!actor.ActsAsOffice(c.Kind)) throw new Accounts.DepartmentScopeException("部门审核通过的答复由公开办（效能投诉：效能监察员）审核发送");
            c.SendAnswer(context);
            NotifyCitizen(c, $"您反映的“{c.Title}”已答复", $"您提交的{c.Kind.ToChinese()}（查询码 {c.TrackingCode}）已答复，请凭查询码和查询密钥在网站查看答复并评价。");
        }
        await SaveAsync(ct);
        return c;
    }

    /// <summary>The reviewer (a drafted answer) or the office (an approved one) sends it back to the handler.</summary>
    public async Task<VoiceCase> RejectAnswerAsync(long id, CaseReasonRequest body, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var may = c.Status == CaseStatus.AnswerDrafted ? Actor.ActsAsReviewer(c) : Actor.ActsAsOffice(c.Kind);
        if (!may) throw new Accounts.DepartmentScopeException("无权退回该答复");
        c.RejectAnswer(body.Reason ?? "", await ContextAsync(ct));
        await SaveAsync(ct);
        return c;
    }

    /// <summary>Publishes the Q&amp;A; wording left out defaults to the case's title, question and answer (checked for personal data).</summary>
    public Task<VoiceCase> PublishAsync(long id, PublishCaseRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind), OfficeOnly, (c, context) =>
            c.Publish(Or(body.Title, c.Title), Or(body.Question, c.Content), Or(body.Answer, c.AnswerText ?? ""), context), ct);

    public Task<VoiceCase> UnpublishAsync(long id, CaseReasonRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind), OfficeOnly, (c, context) => c.Unpublish(body.Reason ?? "", context), ct);

    public Task<VoiceCase> CloseAsync(long id, CloseCaseRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind), OfficeOnly, (c, context) =>
        {
            SuggestionOutcome? outcome = null;
            if (!string.IsNullOrWhiteSpace(body.Outcome))
            {
                if (!CaseCodes.TryParseOutcome(body.Outcome, out var o))
                    throw new InputException(new() { ["outcome"] = ["办理结果应为 rectified（已整改）、adopted（已采纳）或 answered（已答复）"] });
                outcome = o;
            }
            c.Close(outcome, body.Note, context);
        }, ct);

    public async Task<VoiceCase> SendBackAsync(long id, SendBackCaseRequest body, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (!Actor.ActsAsOffice(c.Kind)) throw new Accounts.DepartmentScopeException(OfficeOnly);
        c.SendBack(body.Reason ?? "", body.DueInWorkingDays ?? await DueDaysAsync(c.Kind, ct), await ContextAsync(ct));
        await SaveAsync(ct);
        return c;
    }

    public Task<VoiceCase> FollowUpAsync(long id, CaseTextRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind) || a.ActsAsHandler(c), "只有公开办或主办部门可以记录回访",
            (c, context) => c.RecordFollowUp(body.Text ?? "", context), ct);

    public Task<VoiceCase> SuperviseAsync(long id, SuperviseCaseRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind), OfficeOnly, (c, context) => c.Supervise(body.Note ?? "", body.Escalate == true, context), ct);

    public Task<VoiceCase> NoteAsync(long id, CaseTextRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => a.ActsAsOffice(c.Kind) || a.IsAssigned(c), "只有公开办或承办部门可以添加备注",
            (c, context) => c.AddNote(body.Text ?? "", Actor.DepartmentId, context), ct);

    public Task<VoiceCase> RecordFindingsAsync(long id, FindingsRequest body, CancellationToken ct) =>
        StepAsync(id, (a, c) => c.Kind == CaseKind.Complaint && a.IsInspector, "只有效能监察员可以记录调查结论", (c, context) =>
        {
            if (!CaseCodes.TryParseFinding(body.Finding, out var finding))
                throw new InputException(new() { ["finding"] = ["调查结论应为 substantiated（属实）、partly-substantiated（部分属实）或 unsubstantiated（不属实）"] });
            c.RecordFindings(finding, body.Findings ?? "", body.Sanctions, context);
        }, ct);

    /// <summary>Merges a duplicate into the case it repeats (by id or tracking code); both must be visible to the caller.</summary>
    public async Task<VoiceCase> MergeAsync(long id, MergeCaseRequest body, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (!Actor.ActsAsOffice(c.Kind)) throw new Accounts.DepartmentScopeException(OfficeOnly);
        var target = await FindAsync(body.Into, ct)
            ?? throw new InputException(new() { ["into"] = [string.IsNullOrWhiteSpace(body.Into) ? "请填写要并入的事项编号或查询码" : $"没有找到事项“{body.Into}”"] });
        c.MergeInto(target, await ContextAsync(ct));
        await SaveAsync(ct);
        return c;
    }

    /// <summary>A case by id or tracking code, if the caller may read it.</summary>
    internal async Task<VoiceCase?> FindAsync(string? idOrCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idOrCode)) return null;
        var text = idOrCode.Trim();
        VoiceCase? c;
        if (long.TryParse(text, out var id)) c = await WithTimeline.FirstOrDefaultAsync(x => x.Id == id, ct);
        else
        {
            var code = TrackingCodes.NormaliseCode(text);
            c = await WithTimeline.FirstOrDefaultAsync(x => x.TrackingCode == code, ct);
        }
        return c is not null && Actor.CanRead(c) ? c : null;
    }

    private async Task<string> OfficeNameAsync(CancellationToken ct) =>
        await db.Departments.Where(d => d.Code == "zfb").Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "区政务公开办公室";

    private static string Or(string? given, string fallback) => string.IsNullOrWhiteSpace(given) ? fallback : given;

    /// <summary>An e-mail or a text message to the citizen, if they left a contact (queued in the outbox, sent by the dispatcher).</summary>
    private void NotifyCitizen(VoiceCase c, string subject, string text)
    {
        var contact = protector.Unprotect(c.Contact);
        if (contact is null) return;
        if (contact.Contains('@', StringComparison.Ordinal)) outbox.Email(contact.Trim(), subject, text, $"case:{c.Id}:{c.Version}");
        else if (contact.Count(char.IsAsciiDigit) == 11 && contact.Trim().StartsWith('1')) outbox.Sms(new string([.. contact.Where(char.IsAsciiDigit)]), text, $"case:{c.Id}:{c.Version}");
    }
}

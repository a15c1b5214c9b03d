using System.Linq.Expressions;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Cases;

/// <summary>
/// A case of the public-voice engine: an opinion (民生民意), a conduct complaint (效能投诉) or a
/// supervisor's suggestion (监督员建议). Every change is a method that checks the state, records a
/// <see cref="CaseEvent"/> and changes nothing when it refuses:
/// <see cref="DomainConflictException"/> for a step the state does not allow,
/// <see cref="DomainValueException"/> for a value the rules refuse.
/// Who may take a step (office, department, reviewer, supervision staff) is the app's check;
/// what the state allows is this class's.
/// </summary>
public sealed partial class VoiceCase
{
    /// <summary>Working days a reply may be given; the office chooses within these.</summary>
    public const int MinDueDays = 1, MaxDueDays = 60;

    public const int TitleMax = 100, ContentMax = 4000, AnswerMax = 10000, ReasonMax = 1000;

    private readonly List<CaseEvent> _events = [];
    private readonly List<CaseAssignment> _assignments = [];

    public long Id { get; private set; }
    public string TrackingCode { get; private set; } = "";
    public string AccessKeyHash { get; private set; } = "";
    public CaseKind Kind { get; private set; }
    public CaseChannel Channel { get; private set; }
    public string? Topic { get; private set; }
    public string Title { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string? Address { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    public string? CitizenName { get; private set; }
    /// <summary>Encrypted by the app.</summary>
    public string? Contact { get; private set; }
    public string? ContactMasked { get; private set; }
    public bool PublishConsent { get; private set; }

    public DateOnly ReceivedOn { get; private set; }
    public CaseStatus Status { get; private set; }

    /// <summary>The lead department (主办), once assigned; null for complaints, which the office handles.</summary>
    public int? DepartmentId { get; private set; }

    /// <summary>The department a transfer was asked for.</summary>
    public int? TransferTargetId { get; private set; }

    /// <summary>
    /// The reply deadline: <see cref="DueWorkingDays"/> working days after <see cref="DueFrom"/> on the
    /// official calendar, that day not counted. It runs from receipt; a re-handling (发回重办) starts it again.
    /// </summary>
    public DateOnly DueOn { get; private set; }
    public int DueWorkingDays { get; private set; }
    public DateOnly DueFrom { get; private set; }

    public int? AccusedDepartmentId { get; private set; }
    public string? AccusedPerson { get; private set; }
    public long? SupervisorId { get; private set; }

    public string? AnswerText { get; private set; }
    public string? AnswerDepartmentName { get; private set; }

    /// <summary>The day the answer was sent to the citizen (the latest one after a re-handling).</summary>
    public DateOnly? AnsweredOn { get; private set; }

    /// <summary>Whether the (latest) answer went out by the due date.</summary>
    public bool? AnsweredOnTime { get; private set; }

    /// <summary>Working days from receipt to the (latest) answer, the receipt day not counted.</summary>
    public int? AnswerWorkingDays { get; private set; }

    public ComplaintFinding? Finding { get; private set; }
    public string? Findings { get; private set; }
    public string? Sanctions { get; private set; }
    public SuggestionOutcome? Outcome { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public string? PublicTitle { get; private set; }
    public string? PublicQuestion { get; private set; }
    public string? PublicAnswer { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    public CaseRating? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTime? RatedAt { get; private set; }
    public int ReopenCount { get; private set; }

    public bool Escalated { get; private set; }
    public long? MergedIntoId { get; private set; }

    /// <summary>Goes up with every step: two people changing the same case at once cannot both win.</summary>
    public int Version { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<CaseEvent> Events => _events;
    public IReadOnlyList<CaseAssignment> Assignments => _assignments;

    /// <summary>The departments now assigned: the lead first.</summary>
    public IEnumerable<CaseAssignment> ActiveAssignments() => _assignments.Where(a => a.Active).OrderByDescending(a => a.Lead);

    public bool IsPublished => PublishedAt is not null;

    private VoiceCase() { }

    public VoiceCase(CaseIntake intake, TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(intake.Kind)) throw new DomainValueException("事项类型无效");
        if (!Enum.IsDefined(intake.Channel)) throw new DomainValueException("来源渠道无效");
        if (intake.ReceivedOn > context.Today) throw new DomainValueException("收到日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(intake.TrackingCode) || string.IsNullOrWhiteSpace(intake.AccessKeyHash))
            throw new ArgumentException("The app must give a tracking code and an access-key hash.", nameof(intake));

        Kind = intake.Kind;
        Channel = intake.Channel;
        Title = Text(intake.Title, TitleMax, "标题", required: true)!;
        Content = Text(intake.Content, ContentMax, "内容", required: true)!;
        CitizenName = Text(intake.Name, 100, "姓名", required: Kind == CaseKind.Complaint);
        Contact = Blank(intake.Contact);
        if (Kind == CaseKind.Complaint && Contact is null) throw new DomainValueException("请填写联系方式：效能投诉须实名并留下联系方式");
        ContactMasked = Contact is null ? null : Blank(intake.ContactMasked);
        PublishConsent = intake.PublishConsent && Kind != CaseKind.Complaint;
        Topic = Text(intake.Topic, 50, "类别", required: false);
        Address = Text(intake.Address, 300, "地址", required: false);
        if (intake.Latitude is { } lat && (lat is < -90 or > 90 || double.IsNaN(lat))) throw new DomainValueException("纬度应在 -90 到 90 之间");
        if (intake.Longitude is { } lon && (lon is < -180 or > 180 || double.IsNaN(lon))) throw new DomainValueException("经度应在 -180 到 180 之间");
        Latitude = intake.Latitude;
        Longitude = intake.Longitude;
        if (Kind == CaseKind.Complaint)
        {
            AccusedDepartmentId = intake.AccusedDepartmentId;
            AccusedPerson = Text(intake.AccusedPerson, 100, "被投诉人", required: false);
            if (AccusedDepartmentId is null && AccusedPerson is null) throw new DomainValueException("请写明被投诉的单位或人员");
        }
        if (Kind == CaseKind.Suggestion)
        {
            SupervisorId = intake.SupervisorId ?? throw new DomainValueException("请选择提出建议的监督员");
        }
        ReceivedOn = intake.ReceivedOn;
        SetDue(intake.ReceivedOn, intake.DueWorkingDays, context.Calendar);
        TrackingCode = intake.TrackingCode;
        AccessKeyHash = intake.AccessKeyHash;
        Status = CaseStatus.Received;
        CreatedBy = context.By;
        CreatedAt = UpdatedAt = context.At;
        _events.Add(new CaseEvent(1, CaseEventKind.Received, context, Channel.ToChinese(), null, isInternal: false));
    }

    /// <summary><see cref="CaseCodes.IsPending"/> as a query filter (lists, reminders, dashboards, metrics).</summary>
    public static readonly Expression<Func<VoiceCase, bool>> Pending = c =>
        c.Status != CaseStatus.Answered && c.Status != CaseStatus.Reopened && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Merged;

    /// <summary>True when an unanswered case is past its due date on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Status.IsPending() && DueOn < today;

    /// <summary>True when an unanswered case is due within <paramref name="workingDays"/> working days.</summary>
    public bool IsNearDue(DateOnly today, Calendar.WorkingDayCalendar calendar, int workingDays) =>
        Status.IsPending() && DueOn >= today && calendar.AddWorkingDays(today, workingDays).Due >= DueOn;

    private void SetDue(DateOnly from, int workingDays, Calendar.WorkingDayCalendar calendar)
    {
        if (workingDays is < MinDueDays or > MaxDueDays) throw new DomainValueException($"办理时限应为 {MinDueDays} 到 {MaxDueDays} 个工作日");
        DueFrom = from;
        DueWorkingDays = workingDays;
        DueOn = calendar.AddWorkingDays(from, workingDays).Due;
    }

    private void Record(CaseEventKind kind, TransitionContext context, string? text = null, int? departmentId = null, bool isInternal = false)
    {
        _events.Add(new CaseEvent(_events.Count == 0 ? 1 : _events.Max(e => e.Sequence) + 1, kind, context, text, departmentId, isInternal));
        UpdatedAt = context.At;
        Version++;
    }

    private void Require(string step, params CaseStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new DomainConflictException($"该件当前状态为“{Status.ToChinese()}”，不能{step}");
    }

    private void RequireKind(string step, params CaseKind[] allowed)
    {
        if (!allowed.Contains(Kind))
            throw new DomainConflictException($"{Kind.ToChinese()}不能{step}");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string? Text(string? value, int max, string field, bool required)
    {
        var text = Blank(value);
        if (text is null && required) throw new DomainValueException($"请填写{field}");
        if (text is not null && text.Length > max) throw new DomainValueException($"{field}不超过{max}个字");
        return text;
    }

    private static string Reason(string? reason, string field) => Text(reason, ReasonMax, field, required: true)!;
}

using Gongkai.Domain.Common;
using static Gongkai.Domain.Applications.ClockNames;

namespace Gongkai.Domain.Applications;

/// <summary>
/// An application for government information (政府信息公开申请, 依申请公开). Every change is a method
/// that checks the state and the dates, records an <see cref="ApplicationEvent"/> and recomputes the
/// stored due date from the statutory clock, or changes nothing and throws:
/// <see cref="DomainConflictException"/> for a step the state does not allow,
/// <see cref="DomainValueException"/> for a date or value the rules refuse.
/// </summary>
public sealed partial class InformationApplication
{
    private readonly List<ApplicationEvent> _events = [];

    public long Id { get; private set; }
    public string TrackingCode { get; private set; } = "";
    public string AccessKeyHash { get; private set; } = "";

    public ApplicantType ApplicantType { get; private set; }
    public string ApplicantName { get; private set; } = "";
    public string? IdNumber { get; private set; }
    public string? IdNumberMasked { get; private set; }
    public string? Contact { get; private set; }
    public string? ContactMasked { get; private set; }
    public string Description { get; private set; } = "";
    public string? DocumentNumber { get; private set; }
    public string? DeliveryForm { get; private set; }

    public ReceiptChannel Channel { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public RulesVersion Rules { get; private set; }

    /// <summary>The handling department (承办部门).</summary>
    public int DepartmentId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>The department's reason when it returned the application to the office.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>
    /// The current reply deadline, kept as a column so the inbox filters overdue applications fast;
    /// null while the clock is stopped or paused. Always what <see cref="ReadClock"/> gives.
    /// </summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>Why the due date last moved (Chinese, with the article).</summary>
    public string DueReason { get; private set; } = "";

    public ClockPhase Phase { get; private set; }

    /// <summary>The latest fee notice's amount in 元.</summary>
    public int? FeeAmount { get; private set; }

    public ReplyOutcome? Outcome { get; private set; }

    /// <summary>The day of the reply, or of closing under the clock rules.</summary>
    public DateOnly? FinishedOn { get; private set; }

    /// <summary>The reply's text (reasons, how to obtain the information).</summary>
    public string? ReplyText { get; private set; }

    /// <summary>Goes up with every recorded step: two people changing the same application at once cannot both win.</summary>
    public int Version { get; private set; }

    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Every recorded step, oldest first.</summary>
    public IReadOnlyList<ApplicationEvent> Events => _events;

    private InformationApplication() { }

    /// <summary>Registers an application received on <see cref="ApplicationIntake.ReceivedOn"/>.</summary>
    public InformationApplication(ApplicationIntake intake, TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(intake.ApplicantType)) throw new DomainValueException("申请人类型无效");
        if (!Enum.IsDefined(intake.Channel)) throw new DomainValueException("申请渠道无效");
        if (intake.ReceivedOn > context.Today) throw new DomainValueException($"收到申请日期（{Chinese(intake.ReceivedOn)}）不能晚于今天");
        if (string.IsNullOrWhiteSpace(intake.TrackingCode) || string.IsNullOrWhiteSpace(intake.AccessKeyHash))
            throw new ArgumentException("The app must give a tracking code and an access-key hash.", nameof(intake));

        ApplicantType = intake.ApplicantType;
        ApplicantName = Text(intake.Name, 100, "申请人姓名或名称", required: true)!;
        IdNumber = Blank(intake.IdNumber);
        IdNumberMasked = IdNumber is null ? null : Blank(intake.IdNumberMasked);
        Contact = Blank(intake.Contact);
        ContactMasked = Contact is null ? null : Blank(intake.ContactMasked);
        Description = Text(intake.Description, 4000, "所需信息的描述", required: true)!;
        DocumentNumber = Text(intake.DocumentNumber, 100, "文号", required: false);
        DeliveryForm = Text(intake.DeliveryForm, 200, "获取信息的形式和途径", required: false);
        Channel = intake.Channel;
        ReceivedOn = intake.ReceivedOn;
        Rules = RulesVersions.For(intake.ReceivedOn);
        DepartmentId = intake.DepartmentId;
        TrackingCode = intake.TrackingCode;
        AccessKeyHash = intake.AccessKeyHash;
        Status = ApplicationStatus.Received;
        CreatedBy = context.By;
        CreatedAt = UpdatedAt = context.At;
        _events.Add(new ApplicationEvent(1, ApplicationEventKind.Received, ReceivedOn, context, reason: Channel.ToChinese()));
        Recompute(context.Calendar);
    }

    /// <summary>The statutory clock replayed from the recorded events.</summary>
    public ClockReading ReadClock(Calendar.WorkingDayCalendar calendar) =>
        StatutoryClock.Read(calendar, ReceivedOn, ClockEvents(_events));

    /// <summary>
    /// Each recorded step with the clock step it produced (null for steps that do not touch the
    /// clock: acceptance, return, transfer): what the tracking page and the staff history show.
    /// </summary>
    public IReadOnlyList<HistoryLine> History(Calendar.WorkingDayCalendar calendar)
    {
        var steps = ReadClock(calendar).Steps;
        var next = 1; // step 0 is the receipt itself
        var lines = new List<HistoryLine>(_events.Count);
        foreach (var e in _events.OrderBy(e => e.Sequence))
        {
            ClockStep? step = e.Kind == ApplicationEventKind.Received ? steps[0]
                : e.ToClockEvent() is null ? null
                : steps[next++];
            lines.Add(new HistoryLine(e, step));
        }
        return lines;
    }

    /// <summary>True when the reply is late on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Status.IsOpen() && Phase == ClockPhase.Running && DueOn < today;

    /// <summary>
    /// Recomputes the stored due date, e.g. after the office entered a new year's holiday notice.
    /// Returns true when it changed.
    /// </summary>
    public bool Recompute(Calendar.WorkingDayCalendar calendar)
    {
        var reading = ReadClock(calendar);
        var changed = DueOn != reading.DueOn || Phase != reading.Phase || DueReason != reading.LastMove.Reason;
        DueOn = reading.DueOn;
        Phase = reading.Phase;
        DueReason = reading.LastMove.Reason;
        return changed;
    }

    private static IEnumerable<ClockEvent> ClockEvents(IEnumerable<ApplicationEvent> events) =>
        events.OrderBy(e => e.Sequence).Select(e => e.ToClockEvent()).OfType<ClockEvent>();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Text(string? value, int max, string field, bool required)
    {
        var text = Blank(value);
        if (text is null && required) throw new DomainValueException($"请填写{field}");
        if (text is not null && text.Length > max) throw new DomainValueException($"{field}不超过{max}个字");
        return text;
    }
}

namespace Gongkai.Domain.Applications;

/// <summary>
/// One recorded step of an application: the intervals, restarts, extensions and replies the clock
/// is replayed from, and who recorded them. Rows are only ever added.
/// </summary>
public sealed class ApplicationEvent
{
    public long Id { get; private set; }
    public long ApplicationId { get; private set; }

    /// <summary>1, 2, 3 … within the application: the order the clock replays them in.</summary>
    public int Sequence { get; private set; }

    public ApplicationEventKind Kind { get; private set; }

    /// <summary>The day it happened (a statutory date, not the day it was typed in).</summary>
    public DateOnly On { get; private set; }

    /// <summary>For a correction request: the applicant's deadline (补正期限).</summary>
    public DateOnly? End { get; private set; }

    /// <summary>An extension's length; for the end of a pause, the working days it left out.</summary>
    public int? WorkingDays { get; private set; }

    /// <summary>A fee notice's amount in whole 元.</summary>
    public int? Amount { get; private set; }

    /// <summary>Why: the reason to return, transfer or extend; whom a consultation went to.</summary>
    public string? Reason { get; private set; }

    public ReplyOutcome? Outcome { get; private set; }

    /// <summary>For a transfer: the department it went to (the one it came from is in the row before).</summary>
    public int? DepartmentId { get; private set; }

    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    private ApplicationEvent() { }

    internal ApplicationEvent(int sequence, ApplicationEventKind kind, DateOnly on, TransitionContext context,
        DateOnly? end = null, int? workingDays = null, int? amount = null, string? reason = null,
        ReplyOutcome? outcome = null, int? departmentId = null)
    {
        Sequence = sequence;
        Kind = kind;
        On = on;
        End = end;
        WorkingDays = workingDays;
        Amount = amount;
        Reason = reason;
        Outcome = outcome;
        DepartmentId = departmentId;
        RecordedAt = context.At;
        RecordedBy = context.By;
    }

    /// <summary>What this row means to the statutory clock; null for rows that do not touch it.</summary>
    internal ClockEvent? ToClockEvent() => Kind switch
    {
        ApplicationEventKind.CorrectionRequested => ClockEvent.CorrectionRequest(On, End ?? On),
        ApplicationEventKind.Corrected => ClockEvent.Correction(On),
        ApplicationEventKind.ConsultationStarted => ClockEvent.ConsultationStart(On),
        ApplicationEventKind.ConsultationEnded => ClockEvent.ConsultationEnd(On),
        ApplicationEventKind.Extended => ClockEvent.Extension(On, WorkingDays ?? 0),
        ApplicationEventKind.FeeNoticed => ClockEvent.FeeNotice(On),
        ApplicationEventKind.FeePaid => ClockEvent.FeePayment(On),
        ApplicationEventKind.Replied or ApplicationEventKind.Closed => ClockEvent.Finish(On, Outcome ?? ReplyOutcome.OtherOther),
        _ => null,
    };

    /// <summary>Records what the clock computed for an end-of-pause row.</summary>
    internal void NoteWorkingDays(int days) => WorkingDays = days;
}

/// <summary>One line of an application's history: the recorded step and, when it touched the clock, what it did to it.</summary>
public sealed record HistoryLine(ApplicationEvent Event, ClockStep? Step);

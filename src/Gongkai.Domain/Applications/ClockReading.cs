namespace Gongkai.Domain.Applications;

/// <summary>The statutory clock of one application after all its events: the result of <see cref="StatutoryClock.Read"/>.</summary>
public sealed class ClockReading
{
    internal ClockReading(RulesVersion rules, DateOnly receivedOn, IReadOnlyList<ClockStep> steps)
    {
        Rules = rules;
        ReceivedOn = receivedOn;
        Steps = steps;
    }

    public RulesVersion Rules { get; }
    public DateOnly ReceivedOn { get; }

    /// <summary>Every step from receipt on, oldest first.</summary>
    public IReadOnlyList<ClockStep> Steps { get; }

    /// <summary>
    /// The current due date; null while the clock is stopped for a correction or paused for a
    /// consultation or a fee payment (the date is only known when the pause ends). After a reply, the
    /// due date that applied to it.
    /// </summary>
    public DateOnly? DueOn { get; internal init; }

    public ClockPhase Phase { get; internal init; }

    /// <summary>The day the current stop or pause began.</summary>
    public DateOnly? PausedSince { get; internal init; }

    /// <summary>The last day a correction may be asked for (第三十条: 7 working days); null under the 2007 rules.</summary>
    public DateOnly? CorrectionNoticeDueOn { get; internal init; }

    /// <summary>While awaiting a correction: the applicant's deadline.</summary>
    public DateOnly? CorrectionDeadline { get; internal init; }

    /// <summary>While consulting: the consulted party's own 15-working-day limit (第三十二条, 第三十四条).</summary>
    public DateOnly? ThirdPartyDueOn { get; internal init; }

    /// <summary>While awaiting payment: the last day to pay (20 working days after the notice).</summary>
    public DateOnly? PaymentDueOn { get; internal init; }

    /// <summary>Working days of the one extension; 0 when none.</summary>
    public int ExtendedDays { get; internal init; }

    /// <summary>Working days left out of the limit by finished consultations and fee payments.</summary>
    public int ExcludedWorkingDays { get; internal init; }

    public ReplyOutcome? Outcome { get; internal init; }
    public DateOnly? FinishedOn { get; internal init; }

    /// <summary>The day of the latest event (the day of receipt when there is none).</summary>
    public DateOnly LastEventOn { get; internal init; }

    /// <summary>
    /// True when some count ran into a year whose holiday notice is not out: that stretch was counted
    /// Monday–Friday and the due date may still move when the notice is published.
    /// </summary>
    public bool WeekdaysOnlyAssumed { get; internal init; }

    /// <summary>The step that last moved the due date: the answer to "why is it due then?".</summary>
    public ClockStep LastMove => Steps.LastOrDefault(s => s.MovedDue) ?? Steps[0];

    /// <summary>True when the reply is late: the clock runs and the due date is before <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Phase == ClockPhase.Running && DueOn < today;

    /// <summary>
    /// When the applicant let a deadline pass: 第三十条 (no correction by the deadline) closes the
    /// application as 其他处理 1, 国办函〔2020〕109号 (no payment within 20 working days) as 其他处理 2.
    /// The day of closing is the first day after the deadline.
    /// </summary>
    public (ReplyOutcome Outcome, DateOnly On)? Lapse(DateOnly today) => Phase switch
    {
        ClockPhase.AwaitingCorrection when today > CorrectionDeadline => (ReplyOutcome.OtherNoCorrection, CorrectionDeadline!.Value.AddDays(1)),
        ClockPhase.AwaitingPayment when today > PaymentDueOn => (ReplyOutcome.OtherUnpaidFee, PaymentDueOn!.Value.AddDays(1)),
        _ => null,
    };
}

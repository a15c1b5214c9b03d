namespace Gongkai.Domain.Applications;

/// <summary>What happened to the statutory clock of an application.</summary>
public enum ClockEventKind
{
    /// <summary>The day of receipt (第三十一条); only ever the first step of a timeline, never an input.</summary>
    Received = 0,
    /// <summary>补正: the applicant is asked to correct the application (第三十条). The clock stops.</summary>
    CorrectionRequested = 1,
    /// <summary>The corrected application arrived: the clock starts again from zero (第三十条).</summary>
    Corrected = 2,
    /// <summary>A third party (第三十二条) or another agency (第三十四条) is consulted. The clock pauses.</summary>
    ConsultationStarted = 3,
    /// <summary>The consultation ended; its working days are added to the due date (第三十三条第三款).</summary>
    ConsultationEnded = 4,
    /// <summary>The head of the disclosure office extended the limit once (第三十三条第二款).</summary>
    Extended = 5,
    /// <summary>A 信息处理费 notice went out (国办函〔2020〕109号). The clock pauses.</summary>
    FeeNoticed = 6,
    /// <summary>The fee was paid; the notice-to-payment working days are added to the due date.</summary>
    FeePaid = 7,
    /// <summary>Replied, or closed because the applicant let a correction or payment deadline pass.</summary>
    Finished = 8,
}

/// <summary>Where the clock stands.</summary>
public enum ClockPhase
{
    /// <summary>计时中: the reply is due on DueOn.</summary>
    Running = 0,
    /// <summary>等待补正: stopped; it restarts from the day the corrected application arrives.</summary>
    AwaitingCorrection = 1,
    /// <summary>征求意见中: paused.</summary>
    InConsultation = 2,
    /// <summary>等待缴费: paused.</summary>
    AwaitingPayment = 3,
    /// <summary>已办结: replied or closed.</summary>
    Finished = 4,
}

/// <summary>One input of the clock.</summary>
/// <param name="On">The day it happened.</param>
/// <param name="Until">For a correction request: the applicant's deadline (补正期限).</param>
/// <param name="WorkingDays">For an extension: its length.</param>
/// <param name="Outcome">For <see cref="ClockEventKind.Finished"/>: the outcome.</param>
public sealed record ClockEvent(ClockEventKind Kind, DateOnly On, DateOnly? Until = null, int WorkingDays = 0, ReplyOutcome? Outcome = null)
{
    public static ClockEvent CorrectionRequest(DateOnly on, DateOnly deadline) => new(ClockEventKind.CorrectionRequested, on, Until: deadline);
    public static ClockEvent Correction(DateOnly on) => new(ClockEventKind.Corrected, on);
    public static ClockEvent ConsultationStart(DateOnly on) => new(ClockEventKind.ConsultationStarted, on);
    public static ClockEvent ConsultationEnd(DateOnly on) => new(ClockEventKind.ConsultationEnded, on);
    public static ClockEvent Extension(DateOnly on, int workingDays) => new(ClockEventKind.Extended, on, WorkingDays: workingDays);
    public static ClockEvent FeeNotice(DateOnly on) => new(ClockEventKind.FeeNoticed, on);
    public static ClockEvent FeePayment(DateOnly on) => new(ClockEventKind.FeePaid, on);
    public static ClockEvent Finish(DateOnly on, ReplyOutcome outcome) => new(ClockEventKind.Finished, on, Outcome: outcome);
}

/// <summary>One line of the timeline: what happened and how it moved the due date.</summary>
/// <param name="DueBefore">The due date before; null while the clock was stopped or paused.</param>
/// <param name="DueAfter">The due date after; null while the clock is stopped or paused.</param>
/// <param name="WorkingDays">
/// The working days involved: the limit at receipt or restart, the extension, the working days a
/// pause left out; 0 otherwise.
/// </param>
/// <param name="Reason">Why, in Chinese, citing the article.</param>
public sealed record ClockStep(DateOnly On, ClockEventKind Kind, DateOnly? DueBefore, DateOnly? DueAfter, int WorkingDays, string Reason)
{
    public bool MovedDue => DueBefore != DueAfter;
}

public static class ClockNames
{
    public static string Code(this ClockPhase phase) => phase switch
    {
        ClockPhase.Running => "running",
        ClockPhase.AwaitingCorrection => "awaiting-correction",
        ClockPhase.InConsultation => "in-consultation",
        ClockPhase.AwaitingPayment => "awaiting-payment",
        ClockPhase.Finished => "finished",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    public static string ToChinese(this ClockPhase phase) => phase switch
    {
        ClockPhase.Running => "计时中",
        ClockPhase.AwaitingCorrection => "等待补正",
        ClockPhase.InConsultation => "征求意见中",
        ClockPhase.AwaitingPayment => "等待缴费",
        ClockPhase.Finished => "已办结",
        _ => phase.ToString(),
    };

    /// <summary>A date the way Chinese letters and pages write it: 2026年3月16日.</summary>
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}

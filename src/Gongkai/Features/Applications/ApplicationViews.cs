using Gongkai.Domain.Applications;

namespace Gongkai.Features.Applications;

// What the applications API answers. Dates are YYYY-MM-DD; codes are the fixed API codes, each
// with its Chinese name beside it.

public sealed record SubmittedResponse(string TrackingCode, string AccessKey, DateOnly ReceivedOn, DateOnly? DueOn);

/// <summary>Staff registration; the access key is handed to the applicant with the tracking code.</summary>
public sealed record RegisteredResponse(long Id, string TrackingCode, string AccessKey, DateOnly ReceivedOn, DateOnly? DueOn);

/// <summary>The application's clock after a step: always the current due date and why it last moved.</summary>
public sealed record ClockResponse(
    long Id, string TrackingCode, string Status, string StatusName, string Phase, string PhaseName,
    DateOnly? DueOn, string DueReason, DateOnly? CorrectionDeadline, DateOnly? ThirdPartyDueOn, DateOnly? PaymentDueOn,
    int? FeeAmount, int ExtendedDays, bool WeekdaysOnlyAssumed, string? Outcome, string? OutcomeName, DateOnly? FinishedOn)
{
    public static ClockResponse From(InformationApplication a, ClockReading clock) => new(
        a.Id, a.TrackingCode, a.Status.Code(), a.Status.ToChinese(), clock.Phase.Code(), clock.Phase.ToChinese(),
        clock.DueOn, clock.LastMove.Reason, clock.CorrectionDeadline, clock.ThirdPartyDueOn, clock.PaymentDueOn,
        a.FeeAmount, clock.ExtendedDays, clock.WeekdaysOnlyAssumed, a.Outcome?.Code(), a.Outcome?.ToChinese(), a.FinishedOn);
}

public sealed record InboxRow(
    long Id, string TrackingCode, string ApplicantType, string ApplicantName, string Description, string Department,
    string DepartmentName, string Status, string StatusName, string Phase, DateOnly ReceivedOn, DateOnly? DueOn, bool Overdue,
    string? Outcome);

public sealed record InboxPage(InboxRow[] Items, int Total, int Page, int PageSize);

/// <summary>The applicant's tracking page: only what the applicant gave, masked, and what happened.</summary>
public sealed record TrackingView(
    string TrackingCode, string Status, string StatusName, string Phase, string PhaseName, DateOnly ReceivedOn,
    DateOnly? DueOn, string DueReason, string Department, string ApplicantType, string Applicant, string? IdNumber,
    string? Contact, string Description, string? DocumentNumber, string? DeliveryForm, DateOnly? CorrectionDeadline,
    DateOnly? PaymentDueOn, int? FeeAmount, ReplyView? Reply, HistoryEntry[] History);

public sealed record ReplyView(string Outcome, string OutcomeName, DateOnly On, string? Text, string? Basis);

public sealed record HistoryEntry(DateOnly On, string Event, string EventName, string Text);

/// <summary>The staff view of one application (personal data masked; see the personal-data endpoint).</summary>
public sealed record ApplicationDetail(
    long Id, string TrackingCode, string Channel, string ChannelName, string ReceiptRule, string Rules,
    string ApplicantType, string ApplicantTypeName, string ApplicantName, string? IdNumber, string? Contact,
    string Description, string? DocumentNumber, string? DeliveryForm, string Department, string DepartmentName,
    string? ReturnReason, ClockResponse Clock, StaffHistoryEntry[] History, PossibleRepeat[] PossibleRepeats, RemedyView[] Cases);

public sealed record StaffHistoryEntry(
    int Sequence, DateOnly On, string Event, string EventName, DateOnly? End, int? WorkingDays, int? Amount, string? Reason,
    string? Outcome, string? Department, DateOnly? DueBefore, DateOnly? DueAfter, string? ClockText, string RecordedBy, DateTime RecordedAt);

/// <summary>An earlier, answered application of the same applicant for similar information (不予处理 2, 第三十六条第（六）项).</summary>
public sealed record PossibleRepeat(long Id, string TrackingCode, DateOnly ReceivedOn, string? Outcome, string? OutcomeName, double Similarity);

/// <summary>第四十四条: similar information asked for by several different applicants; a candidate for proactive disclosure.</summary>
public sealed record ProactiveProposal(string Department, string DepartmentName, string Description, int Applicants, long[] ApplicationIds);

public sealed record PersonalDataView(string? IdNumber, string? Contact);

public sealed record RemedyView(
    long Id, long ApplicationId, string Kind, string KindName, DateOnly FiledOn, string Result, string ResultName,
    DateOnly? DecidedOn, string? Authority, string? CaseNumber, long? ReviewId)
{
    public static RemedyView From(RemedyCase c) => new(
        c.Id, c.ApplicationId, c.Kind.Code(), c.Kind.ToChinese(), c.FiledOn, c.Result.Code(), c.Result.ToChinese(),
        c.DecidedOn, c.Authority, c.CaseNumber, c.ReviewCaseId);
}

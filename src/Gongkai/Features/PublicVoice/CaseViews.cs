using Gongkai.Domain.Cases;

namespace Gongkai.Features.PublicVoice;

public sealed record CaseListItem(
    long Id, string TrackingCode, string Kind, string KindName, string Title, string Status, string StatusName,
    string? Department, string Channel, DateOnly ReceivedOn, DateOnly DueOn, bool Overdue, bool Escalated);

public sealed record CasePage(int Total, int Page, int PageSize, IReadOnlyList<CaseListItem> Items);

public sealed record CaseTimelineLine(int Sequence, DateOnly On, string Kind, string KindName, string? Text, string? Department, string By, bool Internal, DateTime RecordedAt);

public sealed record CaseAssignmentView(string DepartmentCode, string Department, bool Lead, DateOnly AssignedOn, DateOnly? AcceptedOn, bool Active);

public sealed record CaseLinkView(long Id, string Type, string Target, string Label, string? Url, string? Note);

public sealed record CaseAttachmentView(long Id, string FileName, long Size, bool FromCitizen, string Url);

/// <summary>A complaint's subject and investigation: only the supervision staff ever get this.</summary>
public sealed record ComplaintView(string? AccusedDepartment, string? AccusedPerson, string? Finding, string? FindingName, string? Findings, string? Sanctions);

/// <summary>One case as staff see it; <see cref="Actions"/> lists the steps the caller may take now.</summary>
public sealed record CaseDetail(
    long Id, string TrackingCode, string Kind, string KindName, string Channel, string ChannelName, string? Topic,
    string Title, string Content, string? Address, double? Lat, double? Lng,
    string? CitizenName, string? ContactMasked, bool PublishConsent,
    DateOnly ReceivedOn, string Status, string StatusName, string? Department, string? DepartmentCode, string? TransferTarget,
    DateOnly DueOn, int DueWorkingDays, bool Overdue, bool Escalated,
    string? Answer, string? AnswerDepartment, DateOnly? AnsweredOn, bool? AnsweredOnTime, int? AnswerWorkingDays,
    string? Rating, string? RatingName, string? RatingComment, int ReopenCount,
    string? Outcome, string? OutcomeName, DateOnly? ClosedOn,
    bool Published, string? PublicTitle, string? PublicQuestion, string? PublicAnswer,
    string? MergedInto, long? SupervisorId, string? SupervisorName,
    ComplaintView? Complaint,
    IReadOnlyList<CaseAssignmentView> Assignments, IReadOnlyList<CaseTimelineLine> Timeline,
    IReadOnlyList<CaseLinkView> Links, IReadOnlyList<CaseAttachmentView> Attachments, IReadOnlyList<string> Actions);

/// <summary>What the citizen sees with the tracking code and access key.</summary>
public sealed record CaseTrackingView(
    string TrackingCode, string Kind, string KindName, string Title, string Content, string Status, string StatusName,
    DateOnly ReceivedOn, DateOnly DueOn, string? Department,
    string? Answer, string? AnswerDepartment, DateOnly? AnsweredOn,
    string? Rating, string? RatingName, bool CanRate, bool CanReopen, bool Published, string? PublishedUrl,
    IReadOnlyList<CaseTimelineLine> Timeline);

public sealed record PublishedCase(long Id, string TrackingCode, string Title, string Question, string Answer, string? Department, DateOnly? AnsweredOn, DateTime PublishedAt, string Url);

public sealed record PublishedPage(int Total, int Page, int PageSize, IReadOnlyList<PublishedCase> Items);

public static class CaseSteps
{
    // The names of steps as the API routes and the pages' handlers call them.
    public const string Assign = "assign", Accept = "accept", Return = "return", Transfer = "transfer", DeclineTransfer = "decline-transfer",
        Answer = "answer", Approve = "approve", Reject = "reject", Publish = "publish", Unpublish = "unpublish", Close = "close",
        SendBack = "send-back", FollowUp = "follow-up", Supervise = "supervise", Merge = "merge", Link = "links", Note = "notes", Findings = "findings";

    /// <summary>The steps <paramref name="actor"/> may take on <paramref name="c"/> in its present state.</summary>
    public static IReadOnlyList<string> Allowed(CaseActor actor, VoiceCase c)
    {
        var steps = new List<string>();
        var office = actor.ActsAsOffice(c.Kind);
        var handler = actor.ActsAsHandler(c);
        var s = c.Status;
        var complaint = c.Kind == CaseKind.Complaint;
        if (office && !complaint && s is CaseStatus.Received or CaseStatus.Assigned or CaseStatus.Handling or CaseStatus.TransferRequested) steps.Add(Assign);
        if (office && s == CaseStatus.TransferRequested) steps.Add(DeclineTransfer);
        if (handler && (complaint ? s == CaseStatus.Received : s == CaseStatus.Assigned)) steps.Add(Accept);
        if (handler && !complaint && s is CaseStatus.Assigned or CaseStatus.Handling) { steps.Add(Return); steps.Add(Transfer); }
        if (handler && s is CaseStatus.Handling or CaseStatus.AnswerDrafted) steps.Add(Answer);
        if ((s == CaseStatus.AnswerDrafted && actor.ActsAsReviewer(c)) || (s == CaseStatus.AnswerApproved && office)) { steps.Add(Approve); steps.Add(Reject); }
        if (office && !complaint && c.PublishConsent && !c.IsPublished && s is CaseStatus.Answered or CaseStatus.Closed or CaseStatus.Reopened) steps.Add(Publish);
        if (office && c.IsPublished) steps.Add(Unpublish);
        if (office && s is CaseStatus.Answered or CaseStatus.Reopened && (!complaint || c.Finding is not null)) steps.Add(Close);
        if (office && !complaint && s is CaseStatus.Answered or CaseStatus.Reopened) steps.Add(SendBack);
        if ((office || handler) && s is CaseStatus.Answered or CaseStatus.Reopened or CaseStatus.Closed) steps.Add(FollowUp);
        if (office && s.IsOpen()) { steps.Add(Supervise); steps.Add(Merge); }
        if (office || handler) steps.Add(Link);
        if (office || actor.IsAssigned(c)) steps.Add(Note);
        if (complaint && actor.IsInspector && s is CaseStatus.Handling or CaseStatus.AnswerApproved) steps.Add(Findings);
        return steps;
    }
}

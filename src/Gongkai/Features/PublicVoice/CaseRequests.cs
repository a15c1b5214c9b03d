namespace Gongkai.Features.PublicVoice;

// Request bodies of the public-voice API. Dates are strings (YYYY-MM-DD) so that a wrong date gets a
// Chinese message naming the field rather than the framework's generic JSON error.

/// <summary>
/// An opinion or a complaint from the portal (POST /api/opinions, /api/complaints). Name and contact
/// are optional for opinions and required for complaints; <c>accusedDepartment</c> (a department
/// code) or <c>accusedPerson</c> names whom a complaint is about.
/// </summary>
public sealed record PublicCaseRequest(
    string? Title, string? Content, string? Name = null, string? Contact = null, string? Topic = null,
    bool? PublishConsent = null, string? Address = null, double? Lat = null, double? Lng = null,
    string? AccusedDepartment = null, string? AccusedPerson = null);

/// <summary>A case staff register from a letter, a visit or the hotline, or a supervisor's suggestion.</summary>
public sealed record StaffCaseRequest(
    string? Kind, string? Channel, string? ReceivedOn, string? Title, string? Content,
    string? Name = null, string? Contact = null, string? Topic = null, bool? PublishConsent = null,
    string? AccusedDepartment = null, string? AccusedPerson = null, long? SupervisorId = null, string? Address = null);

/// <summary>Departments as codes, the lead first; <c>dueInWorkingDays</c> from receipt (default: the kind's setting).</summary>
public sealed record AssignCaseRequest(string[]? Departments, int? DueInWorkingDays = null);

public sealed record CaseTextRequest(string? Text);
public sealed record CaseReasonRequest(string? Reason);
public sealed record CaseTransferRequest(string? Department, string? Reason);
public sealed record PublishCaseRequest(string? Title = null, string? Question = null, string? Answer = null);
public sealed record CloseCaseRequest(string? Outcome = null, string? Note = null);
public sealed record SendBackCaseRequest(string? Reason, int? DueInWorkingDays = null);
public sealed record SuperviseCaseRequest(string? Note, bool? Escalate = null);
/// <summary>The case this one duplicates, by id or tracking code.</summary>
public sealed record MergeCaseRequest(string? Into);
/// <summary><c>type</c>: case, application, consultation or item; <c>target</c>: its id, tracking code or reference.</summary>
public sealed record LinkCaseRequest(string? Type, string? Target, string? Note = null);
public sealed record FindingsRequest(string? Finding, string? Findings, string? Sanctions = null);
public sealed record RateCaseRequest(string? Rating, string? Comment = null);

/// <summary>What the citizen gets once: the tracking code, the access key (shown only now) and the reply deadline.</summary>
public sealed record CaseSubmittedResponse(string TrackingCode, string AccessKey, DateOnly DueOn);

/// <summary>A step's answer: where the case now stands.</summary>
public sealed record CaseStepResponse(long Id, string TrackingCode, string Kind, string Status, string StatusName, DateOnly DueOn, string? Department);

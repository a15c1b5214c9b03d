namespace Gongkai.Features.PublicVoice;

/// <summary>A file attached to a case by the citizen or by staff, stored under the data folder's files/cases/.</summary>
public class CaseAttachment
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Path relative to the files folder.</summary>
    public string StoredPath { get; set; } = "";
    public string Sha256 { get; set; } = "";
    /// <summary>True when the citizen sent it; false when staff added it (a scanned letter, the answer's enclosure).</summary>
    public bool FromCitizen { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

/// <summary>What a case can be linked to about the same matter.</summary>
public enum CaseLinkTarget
{
    /// <summary>Another case (opinion, complaint or suggestion).</summary>
    Case = 1,
    /// <summary>An application for government information (依申请公开).</summary>
    Application = 2,
    /// <summary>An opinion given in a public consultation on a major decision (征求意见), by its reference.</summary>
    ConsultationOpinion = 3,
    /// <summary>A published catalogue item.</summary>
    Item = 4,
}

/// <summary>A link between a case and something about the same matter; shown on both sides where both are cases.</summary>
public class CaseLink
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CaseLinkTarget TargetType { get; set; }
    /// <summary>The target's id (a case or item id), tracking code (an application) or reference (a consultation opinion).</summary>
    public string TargetRef { get; set; } = "";
    public string? Note { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A topic of opinions (城市管理, 教育 …): what the citizen picks on the form, the Open311 service
/// (service_code = <see cref="Code"/>) and the department the office usually assigns it to.
/// </summary>
public class CaseTopic
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Open311's group.</summary>
    public string Group { get; set; } = "";
    public string Keywords { get; set; } = "";
    public int? DefaultDepartmentId { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>Per kind: the default reply deadline in working days (opinions 10, complaints and suggestions 15).</summary>
public class CaseKindSetting
{
    public int Id { get; set; }
    public Domain.Cases.CaseKind Kind { get; set; }
    public int DueWorkingDays { get; set; }
    /// <summary>Working days before the due date that count as near due (reminders, dashboards).</summary>
    public int NearDueWorkingDays { get; set; } = 2;
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A supervisor (监督员) of the district's work: a member of the public, a deputy, an expert.</summary>
public class Supervisor
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Employer or capacity (单位及职务, 人大代表 …).</summary>
    public string Affiliation { get; set; } = "";
    /// <summary>Encrypted.</summary>
    public string? Contact { get; set; }
    public string? ContactMasked { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public bool InTermOn(DateOnly day) => TermStart <= day && day <= TermEnd;
}

/// <summary>A meeting of supervisors (监督员会议): minutes and who attended.</summary>
public class SupervisorMeeting
{
    public long Id { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Title { get; set; } = "";
    public string Place { get; set; } = "";
    public string Minutes { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<MeetingAttendance> Attendance { get; set; } = [];
}

/// <summary>One supervisor's attendance at one meeting.</summary>
public class MeetingAttendance
{
    public long MeetingId { get; set; }
    public long SupervisorId { get; set; }
    public bool Present { get; set; }
    /// <summary>Why absent (请假 …).</summary>
    public string? Note { get; set; }
}

/// <summary>
/// An unannounced inspection (明察暗访) by the office's supervision staff: where, what they found.
/// Bulletins (通报) are drafted from inspections and published as catalogue items.
/// </summary>
public class Inspection
{
    public long Id { get; set; }
    public DateOnly InspectedOn { get; set; }
    /// <summary>The unit inspected.</summary>
    public int? DepartmentId { get; set; }
    public string Place { get; set; } = "";
    /// <summary>How (暗访, 明察, 电话暗访 …).</summary>
    public string Method { get; set; } = "";
    public string Findings { get; set; } = "";
    /// <summary>Problems found; empty when none.</summary>
    public string? Problems { get; set; }
    /// <summary>Officials named, as the bulletin names them.</summary>
    public string? PersonsNamed { get; set; }
    public string Inspectors { get; set; } = "";
    /// <summary>The bulletin (catalogue item) it was published in, once drafted.</summary>
    public long? BulletinItemId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A civic app registered to file opinions through Open311 (GeoReport v2); only the key's hash is kept.</summary>
public class Open311Client
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Contact { get; set; }
    /// <summary>SHA-256 of the key (hex).</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>The key's first characters, to tell keys apart in lists.</summary>
    public string KeyPrefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>An opinion filed through Open311: which client filed it and the token it was given (GET /open311/v2/tokens/{token}.json).</summary>
public class Open311Request
{
    public long CaseId { get; set; }
    public int? ClientId { get; set; }
    public string Token { get; set; } = "";
    /// <summary>Open311's optional submitter fields are kept on the case; the device id is kept here.</summary>
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }
    public DateTime CreatedAt { get; set; }
}

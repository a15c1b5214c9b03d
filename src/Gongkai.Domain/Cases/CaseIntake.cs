namespace Gongkai.Domain.Cases;

/// <summary>What a case starts with: the citizen's words, who they are if they say, and how it arrived.</summary>
/// <param name="Name">The citizen's name; optional for opinions, required for complaints.</param>
/// <param name="Contact">Phone or e-mail, stored as given: the app passes it encrypted.</param>
/// <param name="ContactMasked">The contact as staff lists show it.</param>
/// <param name="DueWorkingDays">The reply deadline in working days from receipt (the kind's setting; opinions 10).</param>
/// <param name="TrackingCode">Made by the app.</param>
/// <param name="AccessKeyHash">A hash of the citizen's access key, made by the app.</param>
/// <param name="PublishConsent">The citizen agrees that the question and answer, without personal data, may be published.</param>
public sealed record CaseIntake(
    CaseKind Kind,
    CaseChannel Channel,
    string Title,
    string Content,
    string? Name,
    string? Contact,
    string? ContactMasked,
    bool PublishConsent,
    DateOnly ReceivedOn,
    int DueWorkingDays,
    string TrackingCode,
    string AccessKeyHash)
{
    /// <summary>A topic code (城市管理, 教育 …), also the Open311 service code.</summary>
    public string? Topic { get; init; }

    /// <summary>Where, when the matter has a place (Open311's address, lat, long).</summary>
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>A complaint's subject: the unit complained about (被投诉单位).</summary>
    public int? AccusedDepartmentId { get; init; }

    /// <summary>A complaint's subject: the official complained about, as the complainant names them.</summary>
    public string? AccusedPerson { get; init; }

    /// <summary>A suggestion's supervisor (监督员).</summary>
    public long? SupervisorId { get; init; }
}

namespace Gongkai.Features.Applications;

/// <summary>Settings under Gongkai:Applications.</summary>
public sealed class ApplicationOptions
{
    public const string Section = "Gongkai:Applications";

    /// <summary>Online applications accepted per client address and hour (the form needs no account).</summary>
    public int SubmissionsPerHour { get; set; } = 10;

    /// <summary>Tracking-page look-ups per client address and minute, against guessing access keys.</summary>
    public int LookupsPerMinute { get; set; } = 30;

    /// <summary>How often applications whose applicant let a correction or payment deadline pass are closed.</summary>
    public TimeSpan LapseCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run the lapse check on this instance.</summary>
    public bool CloseLapsedApplications { get; set; } = true;

    /// <summary>第四十四条: how many different applicants asking for similar information make a proposal to publish it.</summary>
    public int ProposalMinApplicants { get; set; } = 3;

    /// <summary>How far back the 第四十四条 proposals look.</summary>
    public int ProposalMonths { get; set; } = 12;
}

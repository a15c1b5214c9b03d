using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.PublicVoice;

/// <summary>
/// Generous submission limits, and the supervision service left to the tests (RunOnceAsync on the
/// fake clock) so that nothing runs behind their back; escalation after 2 working days overdue.
/// </summary>
public sealed class SupervisionFactory : GongkaiFactory
{
    public const int EscalateAfter = 2;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:PublicVoice:SubmissionsPerHour", "1000"),
        new("Gongkai:PublicVoice:LookupsPerMinute", "1000"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
        new("Gongkai:Applications:Reminders:Enabled", "false"),
        new("Gongkai:PublicVoice:Supervision:Enabled", "false"),
        new("Gongkai:PublicVoice:Supervision:EscalateAfterWorkingDays", EscalateAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

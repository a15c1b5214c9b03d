namespace Gongkai.Domain.Calendar;

// The value types of the official working-day calendar. They mirror the
// NateScarlet/holiday-cn file format (one file per notice year) so that the
// shipped data, an admin-entered year and an export all share one shape.

/// <summary>
/// One day named in a State Council holiday notice (「关于YYYY年部分节假日安排的通知」).
/// </summary>
/// <param name="Date">The day itself; it may lie in the year before or after the notice year.</param>
/// <param name="Name">The holiday block it belongs to, e.g. 春节 or 国庆节、中秋节.</param>
/// <param name="IsOffDay">
/// True for a statutory day off; false for a weekend day that becomes a working day (调休上班).
/// </param>
public sealed record CalendarDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>
/// The holiday arrangement for one notice year, as published each November.
/// </summary>
/// <param name="Year">The notice's title year (2025 for 「关于2025年部分节假日安排的通知」).</param>
/// <param name="Days">The listed days. Weekend days that merely join a holiday are not listed.</param>
/// <param name="Papers">The gov.cn addresses of the notice (and of any later amendment).</param>
public sealed record HolidayYear(int Year, IReadOnlyList<CalendarDay> Days, IReadOnlyList<string> Papers)
{
    /// <summary>
    /// A year with no listed days means the notice is not out yet (e.g. 2027 in the shipped data):
    /// the calendar then falls back to Monday–Friday and flags every deadline that touches it.
    /// </summary>
    public bool IsAnnounced => Days.Count > 0;
}

/// <summary>What kind of day a date is under the official calendar.</summary>
public enum DayKind
{
    /// <summary>Monday–Friday with no holiday.</summary>
    Workday,

    /// <summary>Saturday or Sunday that is not a make-up working day.</summary>
    Weekend,

    /// <summary>A statutory day off (法定节假日) named in the notice.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday that the notice turns into a working day (调休上班).</summary>
    MakeUpWorkday,
}

/// <summary>The calendar's answer for one date.</summary>
/// <param name="HolidayName">The block name for a holiday or make-up day; otherwise null.</param>
/// <param name="YearAnnounced">
/// False when the year's notice is not known: the answer is then only the Monday–Friday default.
/// </param>
public sealed record DayInfo(DateOnly Date, DayKind Kind, bool IsWorkingDay, string? HolidayName, bool YearAnnounced);

/// <summary>The result of counting a deadline in working days.</summary>
/// <param name="From">The day of receipt; it is not counted (day 1 is the next working day).</param>
/// <param name="WorkingDays">How many working days were counted.</param>
/// <param name="Due">The last day of the period: the deadline.</param>
/// <param name="WeekdaysOnlyAssumed">
/// True when some day counted lies in a year whose notice is not out, so that stretch was counted as
/// plain Monday–Friday and the due date may still move when the notice is published.
/// </param>
/// <param name="UnannouncedYears">Those years, ascending; empty when none.</param>
public sealed record DeadlineResult(
    DateOnly From,
    int WorkingDays,
    DateOnly Due,
    bool WeekdaysOnlyAssumed,
    IReadOnlyList<int> UnannouncedYears);

/// <summary>
/// Holiday data that cannot be trusted. The message is meant for an operator: it names the source
/// (file name or "admin entry") and the offending day, e.g. "2024.json: day 3 has an invalid date 'x'".
/// </summary>
public sealed class CalendarDataException : Exception
{
    public CalendarDataException()
    {
    }

    public CalendarDataException(string message)
        : base(message)
    {
    }

    public CalendarDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using System.Collections.Frozen;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// The official working-day calendar: Monday–Friday, minus the statutory days off and plus the
/// weekend make-up working days (调休上班) of each State Council holiday notice.
/// Immutable, and therefore safe to share between threads.
/// </summary>
public sealed class WorkingDayCalendar
{
    // The longest period in the 条例 is 40 working days (第三十三条第二款 with the extension), and the
    // 15-day consultation periods of 第三十二条/第三十四条 may be added to it. 1000 (about four years)
    // leaves room for any such sum while still catching a runaway or garbage input.
    private const int MaxWorkingDays = 1000;

    private static readonly Lazy<WorkingDayCalendar> OfficialCalendar = new(() => new WorkingDayCalendar(HolidayData.LoadShipped()));

    private readonly FrozenDictionary<int, HolidayYear> _years;
    private readonly FrozenSet<int> _announced;
    // Keyed by DateOnly.DayNumber: one hash lookup per day examined, no allocation. Only days that
    // change the Monday–Friday answer are kept: off days and weekend make-up days.
    private readonly FrozenDictionary<int, CalendarDay> _special;

    /// <summary>
    /// Builds a calendar. When two entries share a Year, the later one wins: an admin-entered year
    /// (placed after the shipped ones) overrides the shipped data.
    /// </summary>
    public WorkingDayCalendar(IEnumerable<HolidayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var byYear = new Dictionary<int, HolidayYear>();
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year);
            byYear[year.Year] = year;
        }

        // Each day is placed by its own date, not by the file it came from: 2019.json makes
        // 2018-12-29 a working day. Files are applied in ascending year, so where two notices
        // name the same date the later notice, the more recent decision, wins.
        var special = new Dictionary<int, CalendarDay>();
        foreach (var year in byYear.Values.OrderBy(y => y.Year))
        {
            foreach (var day in year.Days)
            {
                // A weekday "working day" (only 2020-02-03) restates the default; leaving it out
                // keeps the map to days that really differ from Monday–Friday.
                if (day.IsOffDay || HolidayData.IsWeekend(day.Date))
                {
                    special[day.Date.DayNumber] = day;
                }
            }
        }

        _years = byYear.ToFrozenDictionary();
        _special = special.ToFrozenDictionary();
        _announced = byYear.Values.Where(y => y.IsAnnounced).Select(y => y.Year).ToFrozenSet();
        AnnouncedYears = [.. _announced.Order()];
    }

    /// <summary>The calendar built from the data shipped in this assembly (2007–2027).</summary>
    public static WorkingDayCalendar Official => OfficialCalendar.Value;

    /// <summary>Years whose notice is known, ascending.</summary>
    public IReadOnlyList<int> AnnouncedYears { get; }

    /// <summary>A new calendar in which <paramref name="year"/> replaces any year with the same number.</summary>
    public WorkingDayCalendar With(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new WorkingDayCalendar(_years.Values.Append(year));
    }

    /// <summary>Whether the State Council notice for <paramref name="year"/> is known.</summary>
    public bool IsAnnounced(int year) => _announced.Contains(year);

    public bool IsWorkingDay(DateOnly date) => IsWorkingDay(date.DayNumber);

    public DayInfo Describe(DateOnly date)
    {
        var announced = IsAnnounced(date.Year);
        if (_special.TryGetValue(date.DayNumber, out var day))
        {
            return day.IsOffDay
                ? new DayInfo(date, DayKind.Holiday, false, day.Name, announced)
                : new DayInfo(date, DayKind.MakeUpWorkday, true, day.Name, announced);
        }

        return HolidayData.IsWeekend(date)
            ? new DayInfo(date, DayKind.Weekend, false, null, announced)
            : new DayInfo(date, DayKind.Workday, true, null, announced);
    }

    /// <summary>
    /// The deadline <paramref name="workingDays"/> working days after receipt, as for the 20 working
    /// days of 《政府信息公开条例》第三十三条.
    /// </summary>
    /// <remarks>
    /// Convention (the usual Chinese legal one; the 条例 itself is silent): the day of receipt is not
    /// counted; day 1 is the next working day. So receipt on 2026-02-10 gives 2026-03-16 for 20 days.
    /// </remarks>
    /// <param name="from">The day of receipt (第三十一条).</param>
    /// <param name="workingDays">0 to 1000; 0 returns <paramref name="from"/> itself.</param>
    public DeadlineResult AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MaxWorkingDays);

        var day = from.DayNumber;
        var counted = 0;
        var currentYear = 0; // no DateOnly has year 0, so the first day examined always checks its year
        List<int>? unannounced = null; // allocated only when a count runs into an unannounced year
        while (counted < workingDays)
        {
            day++;
            var year = DateOnly.FromDayNumber(day).Year;
            // The year changes at most a handful of times in a count, so the set is consulted only then.
            if (year != currentYear)
            {
                currentYear = year;
                if (!IsAnnounced(year))
                {
                    (unannounced ??= []).Add(year);
                }
            }

            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        var years = unannounced is null ? (IReadOnlyList<int>)[] : unannounced.AsReadOnly();
        return new DeadlineResult(from, workingDays, DateOnly.FromDayNumber(day), unannounced is not null, years);
    }

    /// <summary>Working days after <paramref name="fromExclusive"/> up to and including <paramref name="toInclusive"/>.</summary>
    /// <returns>0 when <paramref name="toInclusive"/> is not after <paramref name="fromExclusive"/>.</returns>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var day = fromExclusive.DayNumber + 1; day <= toInclusive.DayNumber; day++)
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day strictly after <paramref name="after"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly after) => AddWorkingDays(after, 1).Due;

    private bool IsWorkingDay(int dayNumber)
    {
        if (_special.TryGetValue(dayNumber, out var day))
        {
            return !day.IsOffDay;
        }

        // DayNumber 0 is Monday 0001-01-01, so dayNumber % 7 is 5 for Saturday and 6 for Sunday.
        return dayNumber % 7 < 5;
    }
}

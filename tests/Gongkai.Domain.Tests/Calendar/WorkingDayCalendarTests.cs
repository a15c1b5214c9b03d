using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Official = WorkingDayCalendar.Official;

    [Theory]
    // regulation.md §2.2: received Tue 2026-02-10; 第三十三条 20 working days, 40 with the extension.
    [InlineData(20, 2026, 3, 16)]
    [InlineData(40, 2026, 4, 14)]
    // Day 1 is the next working day: Wed 02-11; day 4 is the make-up Saturday 02-14; day 5 is 02-24.
    [InlineData(1, 2026, 2, 11)]
    [InlineData(4, 2026, 2, 14)]
    [InlineData(5, 2026, 2, 24)]
    // 0 working days: the due date is the day of receipt itself.
    [InlineData(0, 2026, 2, 10)]
    public void Deadline_from_2026_02_10_follows_the_2026_notice(int workingDays, int year, int month, int day)
    {
        var result = Official.AddWorkingDays(new DateOnly(2026, 2, 10), workingDays);

        Assert.Equal(new DateOnly(year, month, day), result.Due);
        Assert.Equal(new DateOnly(2026, 2, 10), result.From);
        Assert.Equal(workingDays, result.WorkingDays);
        Assert.False(result.WeekdaysOnlyAssumed);
        Assert.Empty(result.UnannouncedYears);
    }

    [Theory]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    // 2024 by hand: 262 weekdays, 19 of them off (元旦 1, 春节 5, 清明 2, 劳动 3, 端午 1, 中秋 2,
    // 国庆 5), plus 8 make-up weekend days (02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12).
    [InlineData(2024, 251)]
    public void Working_days_in_a_year(int year, int expected)
    {
        var count = Official.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31));

        Assert.Equal(expected, count);
    }

    [Fact]
    public void Deadline_reaching_into_2027_is_flagged_as_weekdays_only()
    {
        // 2026-12-16 .. 12-31 are 12 working days; 2027 is unannounced, so 2027-01-01 (Fri) counts
        // as day 13 and 01-04 .. 01-08, 01-11, 01-12 as days 14 .. 20.
        var result = Official.AddWorkingDays(new DateOnly(2026, 12, 15), 20);

        Assert.Equal(new DateOnly(2027, 1, 12), result.Due);
        Assert.True(result.WeekdaysOnlyAssumed);
        Assert.Equal([2027], result.UnannouncedYears);
    }

    [Fact]
    public void Deadline_ending_on_the_last_day_of_2026_is_not_flagged()
    {
        // 12 working days from 2026-12-15 end exactly on Thu 2026-12-31; 2027 is never examined.
        var result = Official.AddWorkingDays(new DateOnly(2026, 12, 15), 12);

        Assert.Equal(new DateOnly(2026, 12, 31), result.Due);
        Assert.False(result.WeekdaysOnlyAssumed);
    }

    [Fact]
    public void Unannounced_year_counts_monday_to_friday_and_says_so()
    {
        var newYear = Official.Describe(new DateOnly(2027, 1, 1));
        var saturday = Official.Describe(new DateOnly(2027, 1, 2));

        Assert.Equal(DayKind.Workday, newYear.Kind);
        Assert.False(newYear.YearAnnounced);
        Assert.Equal(DayKind.Weekend, saturday.Kind);
        Assert.False(Official.IsAnnounced(2027));
        Assert.False(Official.IsAnnounced(2030));
        Assert.True(Official.IsAnnounced(2026));
        Assert.Equal(Enumerable.Range(2007, 20), Official.AnnouncedYears);
    }

    [Fact]
    public void With_an_admin_entered_2027_changes_the_answer_and_leaves_the_official_calendar_alone()
    {
        var entered = new HolidayYear(
            2027,
            [new CalendarDay(new DateOnly(2027, 1, 1), "元旦", true)],
            []);

        var updated = Official.With(entered);
        var result = updated.AddWorkingDays(new DateOnly(2026, 12, 15), 20);

        // 2027-01-01 is now off, so day 20 moves from 01-12 to 01-13, and nothing is assumed.
        Assert.Equal(new DateOnly(2027, 1, 13), result.Due);
        Assert.False(result.WeekdaysOnlyAssumed);
        Assert.True(updated.IsAnnounced(2027));
        Assert.Equal(DayKind.Holiday, updated.Describe(new DateOnly(2027, 1, 1)).Kind);
        Assert.Equal(new DateOnly(2027, 1, 12), Official.AddWorkingDays(new DateOnly(2026, 12, 15), 20).Due);
    }

    [Fact]
    public void With_replaces_a_shipped_year_entirely()
    {
        // An (imaginary) corrected 2026 that lists only 元旦: 春节 2026 is no longer off.
        var corrected = new HolidayYear(
            2026,
            [new CalendarDay(new DateOnly(2026, 1, 1), "元旦", true)],
            []);

        var updated = Official.With(corrected);

        Assert.True(updated.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(updated.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(Official.IsWorkingDay(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public void Later_year_in_the_constructor_sequence_wins()
    {
        var first = new HolidayYear(2030, [new CalendarDay(new DateOnly(2030, 1, 1), "元旦", true)], []);
        var second = new HolidayYear(2030, [new CalendarDay(new DateOnly(2030, 1, 2), "元旦", true)], []);

        var calendar = new WorkingDayCalendar([first, second]);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 1, 2)));
    }

    [Fact]
    public void A_20_day_deadline_allocates_only_its_result()
    {
        var from = new DateOnly(2026, 2, 10);
        Official.AddWorkingDays(from, 20); // warm up (JIT, lazy data)

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Official.AddWorkingDays(from, 20);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(new DateOnly(2026, 3, 16), result.Due);
        Assert.True(allocated <= 128, $"allocated {allocated} bytes");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    [InlineData(int.MaxValue)]
    public void Out_of_range_working_days_throw(int workingDays)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(new DateOnly(2026, 2, 10), workingDays));
    }

    [Fact]
    public void Thousand_working_days_is_allowed_and_consistent_with_counting()
    {
        var from = new DateOnly(2020, 3, 2);
        var result = Official.AddWorkingDays(from, 1000);

        Assert.Equal(1000, Official.CountWorkingDays(from, result.Due));
        Assert.True(Official.IsWorkingDay(result.Due));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-14")] // Friday -> make-up Saturday
    [InlineData("2026-02-14", "2026-02-24")] // make-up Saturday -> over the 9-day 春节 block
    [InlineData("2026-03-06", "2026-03-09")] // plain Friday -> Monday
    [InlineData("2020-01-31", "2020-02-03")] // into the Monday after the extended 2020 春节
    public void Next_working_day(string after, string expected)
    {
        var next = Official.NextWorkingDay(DateOnly.Parse(after, CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void Count_is_zero_when_the_end_is_not_after_the_start()
    {
        Assert.Equal(0, Official.CountWorkingDays(new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 16)));
        Assert.Equal(0, Official.CountWorkingDays(new DateOnly(2026, 3, 16), new DateOnly(2026, 2, 10)));
        Assert.Equal(20, Official.CountWorkingDays(new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public void Describe_names_each_kind_of_day()
    {
        Assert.Equal(new DayInfo(new DateOnly(2026, 2, 16), DayKind.Holiday, false, "春节", true), Official.Describe(new DateOnly(2026, 2, 16)));
        Assert.Equal(new DayInfo(new DateOnly(2026, 2, 14), DayKind.MakeUpWorkday, true, "春节", true), Official.Describe(new DateOnly(2026, 2, 14)));
        Assert.Equal(new DayInfo(new DateOnly(2026, 3, 7), DayKind.Weekend, false, null, true), Official.Describe(new DateOnly(2026, 3, 7)));
        Assert.Equal(new DayInfo(new DateOnly(2026, 3, 9), DayKind.Workday, true, null, true), Official.Describe(new DateOnly(2026, 3, 9)));
        // 2020-02-03 is listed as "working" on a Monday (国办发明电〔2020〕1号): still a plain workday.
        Assert.Equal(DayKind.Workday, Official.Describe(new DateOnly(2020, 2, 3)).Kind);
        // 2018-12-29 comes from the 2019 file: days are placed by their own date.
        Assert.Equal(DayKind.MakeUpWorkday, Official.Describe(new DateOnly(2018, 12, 29)).Kind);
    }
}

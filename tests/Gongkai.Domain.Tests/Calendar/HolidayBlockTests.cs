using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>
/// Every holiday block of the 2019–2026 notices. Each row was worked out by hand from the notice:
/// the block as announced (including the weekend days it joins), its 调休上班 days, the last working
/// day before it, and the deadline 5 (or 6) working days after that day, counted under the
/// convention that the day of receipt is not counted and day 1 is the next working day.
/// </summary>
public sealed class HolidayBlockTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official;

    [Theory]
    // name in the data, day before, first off, last off, make-up days, working days, due
    // 2019 (2018-12-06 notice; 劳动节 as amended 2019-03-22)
    [InlineData("元旦", "2018-12-29", "2018-12-30", "2019-01-01", "2018-12-29", 5, "2019-01-08")]
    [InlineData("春节", "2019-02-03", "2019-02-04", "2019-02-10", "2019-02-02 2019-02-03", 5, "2019-02-15")]
    [InlineData("清明节", "2019-04-04", "2019-04-05", "2019-04-07", "", 5, "2019-04-12")]
    [InlineData("劳动节", "2019-04-30", "2019-05-01", "2019-05-04", "2019-04-28 2019-05-05", 5, "2019-05-09")]
    [InlineData("端午节", "2019-06-06", "2019-06-07", "2019-06-09", "", 5, "2019-06-14")]
    [InlineData("中秋节", "2019-09-12", "2019-09-13", "2019-09-15", "", 5, "2019-09-20")]
    [InlineData("国庆节", "2019-09-30", "2019-10-01", "2019-10-07", "2019-09-29 2019-10-12", 5, "2019-10-12")]
    // 2020 (春节 as extended to 2月2日 by 国办发明电〔2020〕1号; the 2月1日 make-up day fell away)
    [InlineData("元旦", "2019-12-31", "2020-01-01", "2020-01-01", "", 5, "2020-01-08")]
    [InlineData("春节", "2020-01-23", "2020-01-24", "2020-02-02", "2020-01-19", 5, "2020-02-07")]
    [InlineData("清明节", "2020-04-03", "2020-04-04", "2020-04-06", "", 5, "2020-04-13")]
    [InlineData("劳动节", "2020-04-30", "2020-05-01", "2020-05-05", "2020-04-26 2020-05-09", 5, "2020-05-11")]
    [InlineData("端午节", "2020-06-24", "2020-06-25", "2020-06-27", "2020-06-28", 5, "2020-07-02")]
    [InlineData("国庆节、中秋节", "2020-09-30", "2020-10-01", "2020-10-08", "2020-09-27 2020-10-10", 5, "2020-10-14")]
    // 2021
    [InlineData("元旦", "2020-12-31", "2021-01-01", "2021-01-03", "", 5, "2021-01-08")]
    [InlineData("春节", "2021-02-10", "2021-02-11", "2021-02-17", "2021-02-07 2021-02-20", 5, "2021-02-23")]
    [InlineData("清明节", "2021-04-02", "2021-04-03", "2021-04-05", "", 5, "2021-04-12")]
    [InlineData("劳动节", "2021-04-30", "2021-05-01", "2021-05-05", "2021-04-25 2021-05-08", 5, "2021-05-11")]
    [InlineData("端午节", "2021-06-11", "2021-06-12", "2021-06-14", "", 5, "2021-06-21")]
    [InlineData("中秋节", "2021-09-18", "2021-09-19", "2021-09-21", "2021-09-18", 5, "2021-09-27")]
    [InlineData("国庆节", "2021-09-30", "2021-10-01", "2021-10-07", "2021-09-26 2021-10-09", 5, "2021-10-13")]
    // 2022
    [InlineData("元旦", "2021-12-31", "2022-01-01", "2022-01-03", "", 5, "2022-01-10")]
    [InlineData("春节", "2022-01-30", "2022-01-31", "2022-02-06", "2022-01-29 2022-01-30", 5, "2022-02-11")]
    [InlineData("清明节", "2022-04-02", "2022-04-03", "2022-04-05", "2022-04-02", 5, "2022-04-12")]
    [InlineData("劳动节", "2022-04-29", "2022-04-30", "2022-05-04", "2022-04-24 2022-05-07", 5, "2022-05-10")]
    [InlineData("端午节", "2022-06-02", "2022-06-03", "2022-06-05", "", 5, "2022-06-10")]
    [InlineData("中秋节", "2022-09-09", "2022-09-10", "2022-09-12", "", 5, "2022-09-19")]
    [InlineData("国庆节", "2022-09-30", "2022-10-01", "2022-10-07", "2022-10-08 2022-10-09", 5, "2022-10-12")]
    // 2023 (元旦 block starts on 2022-12-31, listed in the 2023 file)
    [InlineData("元旦", "2022-12-30", "2022-12-31", "2023-01-02", "", 5, "2023-01-09")]
    [InlineData("春节", "2023-01-20", "2023-01-21", "2023-01-27", "2023-01-28 2023-01-29", 5, "2023-02-01")]
    [InlineData("清明节", "2023-04-04", "2023-04-05", "2023-04-05", "", 5, "2023-04-12")]
    [InlineData("劳动节", "2023-04-28", "2023-04-29", "2023-05-03", "2023-04-23 2023-05-06", 5, "2023-05-09")]
    [InlineData("端午节", "2023-06-21", "2023-06-22", "2023-06-24", "2023-06-25", 5, "2023-06-29")]
    [InlineData("中秋节、国庆节", "2023-09-28", "2023-09-29", "2023-10-06", "2023-10-07 2023-10-08", 5, "2023-10-11")]
    // 2024 (元旦 and 端午 are one day each, joined to the weekend before)
    [InlineData("元旦", "2023-12-29", "2023-12-30", "2024-01-01", "", 5, "2024-01-08")]
    [InlineData("春节", "2024-02-09", "2024-02-10", "2024-02-17", "2024-02-04 2024-02-18", 5, "2024-02-22")]
    [InlineData("清明节", "2024-04-03", "2024-04-04", "2024-04-06", "2024-04-07", 5, "2024-04-11")]
    [InlineData("劳动节", "2024-04-30", "2024-05-01", "2024-05-05", "2024-04-28 2024-05-11", 6, "2024-05-11")]
    [InlineData("端午节", "2024-06-07", "2024-06-08", "2024-06-10", "", 5, "2024-06-17")]
    [InlineData("中秋节", "2024-09-14", "2024-09-15", "2024-09-17", "2024-09-14", 5, "2024-09-24")]
    [InlineData("国庆节", "2024-09-30", "2024-10-01", "2024-10-07", "2024-09-29 2024-10-12", 5, "2024-10-12")]
    // 2025 (国办发明电〔2024〕12号; regulation.md §4.2)
    [InlineData("元旦", "2024-12-31", "2025-01-01", "2025-01-01", "", 5, "2025-01-08")]
    [InlineData("春节", "2025-01-27", "2025-01-28", "2025-02-04", "2025-01-26 2025-02-08", 5, "2025-02-10")]
    [InlineData("清明节", "2025-04-03", "2025-04-04", "2025-04-06", "", 5, "2025-04-11")]
    [InlineData("劳动节", "2025-04-30", "2025-05-01", "2025-05-05", "2025-04-27", 5, "2025-05-12")]
    [InlineData("端午节", "2025-05-30", "2025-05-31", "2025-06-02", "", 5, "2025-06-09")]
    [InlineData("国庆节、中秋节", "2025-09-30", "2025-10-01", "2025-10-08", "2025-09-28 2025-10-11", 5, "2025-10-14")]
    // 2026 (notice of 2025-11-04; regulation.md §4.3). The 中秋 deadline crosses 国庆 as well.
    [InlineData("元旦", "2025-12-31", "2026-01-01", "2026-01-03", "2026-01-04", 5, "2026-01-08")]
    [InlineData("春节", "2026-02-14", "2026-02-15", "2026-02-23", "2026-02-14 2026-02-28", 5, "2026-02-28")]
    [InlineData("清明节", "2026-04-03", "2026-04-04", "2026-04-06", "", 5, "2026-04-13")]
    [InlineData("劳动节", "2026-04-30", "2026-05-01", "2026-05-05", "2026-05-09", 5, "2026-05-11")]
    [InlineData("端午节", "2026-06-18", "2026-06-19", "2026-06-21", "", 5, "2026-06-26")]
    [InlineData("中秋节", "2026-09-24", "2026-09-25", "2026-09-27", "", 5, "2026-10-09")]
    [InlineData("国庆节", "2026-09-30", "2026-10-01", "2026-10-07", "2026-09-20 2026-10-10", 5, "2026-10-13")]
    public void Block_matches_the_official_notice(
        string name, string dayBefore, string firstOff, string lastOff, string makeUpDays, int workingDays, string due)
    {
        var before = Date(dayBefore);
        var first = Date(firstOff);
        var last = Date(lastOff);
        Assert.Equal(first.AddDays(-1), before);
        Assert.True(Calendar.IsWorkingDay(before), $"{dayBefore} (day before {name}) should be a working day");

        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var info = Calendar.Describe(day);
            Assert.False(info.IsWorkingDay, $"{day:yyyy-MM-dd} is inside {name} and must be off");
            Assert.True(info.YearAnnounced);
            // A weekday off can only come from the notice, so it must carry the block's name.
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Assert.Equal(DayKind.Holiday, info.Kind);
                Assert.Equal(name, info.HolidayName);
            }
        }

        foreach (var text in makeUpDays.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var info = Calendar.Describe(Date(text));
            Assert.Equal(DayKind.MakeUpWorkday, info.Kind);
            Assert.True(info.IsWorkingDay, $"{text} is a make-up working day");
        }

        var result = Calendar.AddWorkingDays(before, workingDays);
        Assert.Equal(Date(due), result.Due);
        Assert.False(result.WeekdaysOnlyAssumed);
        Assert.Empty(result.UnannouncedYears);
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

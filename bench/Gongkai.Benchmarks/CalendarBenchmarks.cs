using BenchmarkDotNet.Attributes;
using Gongkai.Domain.Calendar;

namespace Gongkai.Benchmarks;

/// <summary>
/// Every statutory clock, dashboard and list of overdue cases computes due dates, often thousands
/// per page. Compared side by side: the calendar's lookup table against a naive day-by-day loop
/// over the parsed holiday list (what a first implementation would do).
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Official;
    private readonly List<CalendarDay> _days = HolidayData.LoadShipped().SelectMany(y => y.Days).ToList();
    private readonly DateOnly _from = new(2026, 2, 10);

    [Params(20, 40, 366)]
    public int WorkingDays { get; set; }

    [Benchmark(Baseline = true)]
    public DateOnly NaiveListScan()
    {
        var d = _from;
        var left = WorkingDays;
        while (left > 0)
        {
            d = d.AddDays(1);
            var special = _days.Find(x => x.Date == d);
            var working = special is null ? d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) : !special.IsOffDay;
            if (working) left--;
        }
        return d;
    }

    [Benchmark]
    public DateOnly Calendar() => _calendar.AddWorkingDays(_from, WorkingDays).Due;
}

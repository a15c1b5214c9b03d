using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.Calendar;

public sealed record DeadlineResponse(string From, int WorkingDays, string Due, bool WeekdaysOnlyAssumed, int[] UnannouncedYears, string Explanation);

public sealed record CalendarDayResponse(string Date, string Kind, bool IsWorkingDay, string? HolidayName, bool YearAnnounced);

public static class CalendarApi
{
    /// <summary>The longest period any rule of the Regulations needs, with room to spare (20 + 20 + pauses).</summary>
    public const int MaxWorkingDays = 366;

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("工作日历");
        group.MapGet("/deadline", Deadline)
            .WithSummary("截止日期计算：收到之日不计，次日起算第1个工作日")
            .WithDescription("from=YYYY-MM-DD, workingDays=N (0–366)。weekdaysOnlyAssumed=true 表示所涉年份尚未公布放假安排，按周一至周五计算。");
        group.MapGet("/days/{date}", Day).WithSummary("某一天是否为工作日");
        group.MapGet("/years", Years).WithSummary("已公布放假安排的年份");
    }

    public static Results<Ok<DeadlineResponse>, ValidationProblem> Deadline(string? from, string? workingDays, CalendarService calendars) =>
        DeadlineCore(from, workingDays, calendars.GetAsync().GetAwaiter().GetResult());

    internal static Results<Ok<DeadlineResponse>, ValidationProblem> DeadlineCore(string? from, string? workingDays, WorkingDayCalendar calendar)
    {
        var errors = new Dictionary<string, string[]>();
        var date = ParseDate(from, "from", errors);
        int days = 0;
        if (string.IsNullOrWhiteSpace(workingDays)) errors["workingDays"] = ["请填写工作日数"];
        else if (!int.TryParse(workingDays, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > MaxWorkingDays)
            errors["workingDays"] = [$"工作日数应为0至{MaxWorkingDays}之间的整数"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var result = calendar.AddWorkingDays(date!.Value, days);
        return TypedResults.Ok(ToResponse(result));
    }

    public static DeadlineResponse ToResponse(DeadlineResult r)
    {
        var due = Iso(r.Due);
        var explanation = $"自 {Iso(r.From)} 起（当日不计），第{r.WorkingDays}个工作日为 {due}。";
        if (r.WeekdaysOnlyAssumed)
            explanation += $"其中 {string.Join("、", r.UnannouncedYears)} 年的放假安排尚未公布，暂按周一至周五为工作日计算，公布后可能变化。";
        return new DeadlineResponse(Iso(r.From), r.WorkingDays, due, r.WeekdaysOnlyAssumed, r.UnannouncedYears.ToArray(), explanation);
    }

    private static async Task<Results<Ok<CalendarDayResponse>, ValidationProblem>> Day(string date, CalendarService calendars)
    {
        var errors = new Dictionary<string, string[]>();
        var d = ParseDate(date, "date", errors);
        if (d is null) return Problems.Validation(errors);
        var info = (await calendars.GetAsync()).Describe(d.Value);
        return TypedResults.Ok(new CalendarDayResponse(Iso(info.Date), info.Kind.ToString(), info.IsWorkingDay, info.HolidayName, info.YearAnnounced));
    }

    private static async Task<Ok<int[]>> Years(CalendarService calendars) =>
        TypedResults.Ok((await calendars.GetAsync()).AnnouncedYears.ToArray());

    public static DateOnly? ParseDate(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["请填写日期（格式 YYYY-MM-DD）"];
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = [$"“{value}”不是有效日期，格式应为 YYYY-MM-DD"];
            return null;
        }
        if (date.Year is < 2000 or > 2100)
        {
            errors[field] = ["日期应在2000年至2100年之间"];
            return null;
        }
        return date;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

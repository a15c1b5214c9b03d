using Gongkai.Domain.Calendar;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Calendar;

/// <summary>The citizens' deadline calculator: the same rule and calendar as every statutory clock.</summary>
public sealed class DeadlineModel(CalendarService calendars) : PageModel
{
    public string? From { get; private set; }
    public string? WorkingDays { get; private set; }
    public DeadlineResponse? Result { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    public List<string> DaysOff { get; } = [];
    public List<string> MakeUpDays { get; } = [];

    public async Task OnGetAsync(string? from, string? workingDays, CancellationToken ct)
    {
        From = from;
        WorkingDays = workingDays ?? "20";
        if (from is null) return;
        var calendar = await calendars.GetAsync(ct);
        var date = CalendarApi.ParseDate(from, "from", Errors);
        if (!int.TryParse(WorkingDays, out var days) || days < 0 || days > CalendarApi.MaxWorkingDays)
            Errors["workingDays"] = [$"工作日数应为0至{CalendarApi.MaxWorkingDays}之间的整数"];
        if (Errors.Count > 0) { Response.StatusCode = 400; return; }

        var result = calendar.AddWorkingDays(date!.Value, days);
        Result = CalendarApi.ToResponse(result);
        for (var d = result.From.AddDays(1); d <= result.Due; d = d.AddDays(1))
        {
            var info = calendar.Describe(d);
            if (info.Kind == DayKind.Holiday) DaysOff.Add($"{d:M月d日}（{info.HolidayName}）");
            if (info.Kind == DayKind.MakeUpWorkday) MakeUpDays.Add($"{d:M月d日}");
        }
    }
}

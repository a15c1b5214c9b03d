using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Calendar.Admin;

/// <summary>
/// The office enters (or corrects) a year's holiday arrangement from the State Council notice.
/// Stored as the same JSON the product ships, validated by the domain parser before it is saved.
/// </summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class EditYearModel(GongkaiDbContext db, CalendarService calendars, TimeProvider clock) : PageModel
{
    [BindProperty] public int Year { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Days { get; set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string yearText, int? year)
    {
        if (!TryYear(yearText == "new" ? year?.ToString(CultureInfo.InvariantCulture) : yearText, out var y)) return NotFound();
        Year = y;
        var record = await db.CalendarYears.FindAsync(y);
        var data = record is not null
            ? HolidayData.Parse(record.Json, $"year {y}")
            : HolidayData.LoadShipped().FirstOrDefault(h => h.Year == y);
        Source = record?.Source ?? (data is { IsAnnounced: true } ? string.Join(" ", data.Papers) : "");
        Days = data is null ? "" : string.Join('\n', data.Days.OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd} {d.Name} {(d.IsOffDay ? "休" : "班")}"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string yearText)
    {
        if (!TryYear(Year.ToString(CultureInfo.InvariantCulture), out _)) return NotFound();
        if (string.IsNullOrWhiteSpace(Source) || Source.Length > 200) Errors.Add("请填写通知名称或文号（不超过200个字）。");
        var days = ParseLines(Days, Errors);
        HolidayYear? parsed = null;
        if (Errors.Count == 0)
        {
            try
            {
                var json = HolidayData.Serialize(new HolidayYear(Year, days, [Source!.Trim()]));
                parsed = HolidayData.Parse(json, $"{Year} 年");
            }
            catch (CalendarDataException e)
            {
                Errors.Add(e.Message);
            }
        }
        if (Errors.Count > 0 || parsed is null) return Page();

        var record = await db.CalendarYears.FindAsync(Year);
        if (record is null) db.CalendarYears.Add(record = new CalendarYearRecord { Year = Year });
        record.Json = HolidayData.Serialize(parsed);
        record.Source = Source!.Trim();
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.UpdatedBy = User.Identity?.Name ?? "";
        await db.SaveChangesAsync();
        calendars.Invalidate();
        TempData["Message"] = $"{Year} 年放假安排已保存：放假 {parsed.Days.Count(d => d.IsOffDay)} 天，调休上班 {parsed.Days.Count(d => !d.IsOffDay)} 天。";
        return Redirect("/admin/calendar");
    }

    private static bool TryYear(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;

    internal static List<CalendarDay> ParseLines(string? text, List<string> errors)
    {
        var days = new List<CalendarDay>();
        var n = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                errors.Add($"第{n}行“{line}”应为“日期 节日名称 休/班”三项。");
                continue;
            }
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"第{n}行的日期“{parts[0]}”无效，格式应为 YYYY-MM-DD。");
                continue;
            }
            bool? off = parts[2] switch { "休" or "放假" => true, "班" or "上班" => false, _ => null };
            if (off is null)
            {
                errors.Add($"第{n}行最后一项应为“休”或“班”。");
                continue;
            }
            days.Add(new CalendarDay(date, parts[1], off.Value));
        }
        return days;
    }
}

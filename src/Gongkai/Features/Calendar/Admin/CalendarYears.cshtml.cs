using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Calendar.Admin;

[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class CalendarYearsModel(GongkaiDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Year, bool Announced, int OffDays, int MakeUpDays, string Source);

    public List<Row> Years { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var entered = await db.CalendarYears.AsNoTracking().ToDictionaryAsync(y => y.Year, ct);
        var shipped = HolidayData.LoadShipped().ToDictionary(y => y.Year);
        var next = clock.GetUtcNow().AddHours(8).Year + 1;
        var all = shipped.Keys.Concat(entered.Keys).Append(next).Distinct().OrderByDescending(y => y);
        foreach (var year in all)
        {
            HolidayYear? data = null;
            var source = "";
            if (entered.TryGetValue(year, out var record))
            {
                data = HolidayData.Parse(record.Json, $"year {year}");
                source = $"公开办录入：{record.Source}（{record.UpdatedBy}，{record.UpdatedAt.AddHours(8):yyyy-MM-dd HH:mm}）";
            }
            else if (shipped.TryGetValue(year, out var s))
            {
                data = s;
                source = s.IsAnnounced ? "随系统提供（国务院办公厅通知）" : "";
            }
            Years.Add(new Row(year, data?.IsAnnounced == true, data?.Days.Count(d => d.IsOffDay) ?? 0, data?.Days.Count(d => !d.IsOffDay) ?? 0, source));
        }
    }
}

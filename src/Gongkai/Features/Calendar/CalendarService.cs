using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Calendar;

/// <summary>
/// The calendar in force: the years shipped with the product, overridden by the years the office
/// entered. Cached; rebuilt after an office edit (and at most a minute later on other instances).
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private WorkingDayCalendar? _calendar;
    private DateTimeOffset _loadedAt;

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = _calendar;
        if (current is not null && clock.GetUtcNow() - _loadedAt < Refresh) return current;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_calendar is not null && clock.GetUtcNow() - _loadedAt < Refresh) return _calendar;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var entered = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
            var years = HolidayData.LoadShipped().Concat(entered.Select(Parse));
            _calendar = new WorkingDayCalendar(years);
            _loadedAt = clock.GetUtcNow();
            return _calendar;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Forgets the cached calendar, after the office entered or changed a year.</summary>
    public void Invalidate() => _calendar = null;

    private static HolidayYear Parse(CalendarYearRecord record)
    {
        try
        {
            return HolidayData.Parse(record.Json, $"calendar year {record.Year} in the database");
        }
        catch (CalendarDataException)
        {
            // A stored year was validated when entered; if it is damaged since, fall back to the
            // shipped data for that year rather than stop every deadline in the district.
            return HolidayData.LoadShipped().FirstOrDefault(y => y.Year == record.Year)
                ?? new HolidayYear(record.Year, [], []);
        }
    }
}

public static class CalendarSetup
{
    public static void AddCalendar(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<CalendarService>();
}

namespace Gongkai.Hosting;

/// <summary>
/// China has one time zone, UTC+8, without daylight saving: statutory dates (发布日期, 收到申请之日)
/// are the calendar day in Beijing time.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    public static DateTime ToLocal(DateTime utc) => utc + Offset;

    /// <summary>A Beijing wall-clock time entered in a form, as UTC.</summary>
    public static DateTime FromLocal(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
}

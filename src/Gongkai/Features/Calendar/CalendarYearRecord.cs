namespace Gongkai.Features.Calendar;

/// <summary>
/// A year of the holiday calendar entered by the office (usually from the November notice of the
/// State Council General Office). Overrides the year shipped with the product.
/// </summary>
public class CalendarYearRecord
{
    public int Year { get; set; }
    /// <summary>The year in the holiday-cn JSON format (see Gongkai.Domain.Calendar.HolidayData).</summary>
    public string Json { get; set; } = "";
    /// <summary>The notice it comes from, e.g. 国办发明电〔2025〕7号.</summary>
    public string Source { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

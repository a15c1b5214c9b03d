using System.Globalization;
using System.Text.Json;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// Reads, writes and ships holiday data in the NateScarlet/holiday-cn format:
/// <c>{"year":2024,"papers":[...],"days":[{"name":"春节","date":"2024-02-04","isOffDay":false}]}</c>.
/// </summary>
/// <remarks>
/// Every deadline under 《政府信息公开条例》第三十三条 (20 working days, 40 with the extension) is
/// counted against this data, so bad data silently moves legal deadlines. Parsing therefore rejects
/// anything doubtful, with a message that tells the operator which source and which day is wrong.
/// </remarks>
public static partial class HolidayData
{
    private const string DateFormat = "yyyy-MM-dd";

    // The one weekday that the official data lists as a working day. 国办发明电〔2020〕1号
    // (2020-01-27, https://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm) extended the
    // 2020 春节 holiday to 2月2日 and said work resumes on 2月3日 (星期一); holiday-cn records that as
    // isOffDay=false. It changes nothing (a Monday works anyway), but it is genuine, so it is accepted
    // instead of weakening the rule that a make-up day must be a Saturday or Sunday.
    private static readonly DateOnly[] KnownWeekdayWorkingDays = [new(2020, 2, 3)];

    /// <summary>Parses and validates one year of holiday data.</summary>
    /// <param name="json">The file text.</param>
    /// <param name="sourceName">Where it came from (e.g. "2024.json"); starts every error message.</param>
    /// <exception cref="CalendarDataException">The text is not valid holiday data.</exception>
    public static HolidayYear Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadYear(document.RootElement, sourceName);
        }
        catch (JsonException ex)
        {
            throw new CalendarDataException($"{sourceName}: malformed JSON: {ex.Message}", ex);
        }
    }

    private static HolidayYear ReadYear(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(source, "the top level must be a JSON object");
        }

        if (!root.TryGetProperty("year", out var yearElement))
        {
            throw Fail(source, "missing \"year\"");
        }

        // DateOnly covers years 1..9999; the neighbouring-year check below needs year±1 to exist too.
        if (yearElement.ValueKind != JsonValueKind.Number
            || !yearElement.TryGetInt32(out var year) || year < 2 || year > 9998)
        {
            throw Fail(source, $"\"year\" must be a whole number between 2 and 9998, not {yearElement.GetRawText()}");
        }

        var papers = ReadPapers(root, source);
        var days = ReadDays(root, source, year);
        return new HolidayYear(year, days.AsReadOnly(), papers.AsReadOnly());
    }

    private static List<string> ReadPapers(JsonElement root, string source)
    {
        var papers = new List<string>();
        // "papers" is optional: an admin may enter a year before the notice's address is known.
        if (!root.TryGetProperty("papers", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return papers;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Fail(source, "\"papers\" must be an array of addresses");
        }

        var index = 0;
        foreach (var paper in element.EnumerateArray())
        {
            index++;
            if (paper.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(paper.GetString()))
            {
                throw Fail(source, $"paper {index} must be a non-empty string");
            }

            papers.Add(paper.GetString()!);
        }

        return papers;
    }

    private static List<CalendarDay> ReadDays(JsonElement root, string source, int year)
    {
        // "days" is required even when empty: an empty list is how an unannounced year is stated,
        // and a missing one is more likely a broken file than a deliberate statement.
        if (!root.TryGetProperty("days", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            throw Fail(source, "missing \"days\" array");
        }

        var days = new List<CalendarDay>(element.GetArrayLength());
        var seen = new HashSet<DateOnly>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            index++;
            var day = ReadDay(item, source, index, year);
            // A date listed twice is either a harmless repeat or a contradiction (off and working);
            // neither belongs in an official table, and the second kind would make the answer depend
            // on file order.
            if (!seen.Add(day.Date))
            {
                throw Fail(source, $"day {index} lists {Format(day.Date)} a second time");
            }

            days.Add(day);
        }

        return days;
    }

    private static CalendarDay ReadDay(JsonElement item, string source, int index, int year)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Fail(source, $"day {index} must be an object");
        }

        var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Fail(source, $"day {index} has no name");
        }

        if (!item.TryGetProperty("date", out var d) || d.ValueKind != JsonValueKind.String)
        {
            throw Fail(source, $"day {index} has no date");
        }

        var text = d.GetString()!;
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Fail(source, $"day {index} has an invalid date '{text}'");
        }

        // A notice may reach into the neighbouring years (元旦 often starts on 12月30日), never further.
        if (date.Year < year - 1 || date.Year > year + 1)
        {
            throw Fail(source, $"day {index} date {text} is too far from the notice year {year}");
        }

        if (!item.TryGetProperty("isOffDay", out var off) || (off.ValueKind != JsonValueKind.True && off.ValueKind != JsonValueKind.False))
        {
            throw Fail(source, $"day {index} ({text}) needs \"isOffDay\": true or false");
        }

        var isOffDay = off.GetBoolean();
        // 调休上班 only ever turns a Saturday or Sunday into a working day; a weekday listed as a
        // make-up day is almost certainly a typo for the weekend date next to it.
        if (!isOffDay && !IsWeekend(date) && Array.IndexOf(KnownWeekdayWorkingDays, date) < 0)
        {
            throw Fail(source, $"day {index} ({text}, {date.DayOfWeek}) is a make-up working day but not a Saturday or Sunday");
        }

        return new CalendarDay(date, name.Trim(), isOffDay);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static CalendarDataException Fail(string source, string problem) => new($"{source}: {problem}");
}

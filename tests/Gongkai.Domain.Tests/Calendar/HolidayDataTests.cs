using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class HolidayDataTests
{
    private const string Valid = """
        {"year":2026,"papers":["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"],
         "days":[{"name":"元旦","date":"2026-01-01","isOffDay":true},
                 {"name":"元旦","date":"2026-01-04","isOffDay":false}]}
        """;

    [Fact]
    public void Parses_a_valid_year()
    {
        var year = HolidayData.Parse(Valid, "admin entry");

        Assert.Equal(2026, year.Year);
        Assert.True(year.IsAnnounced);
        Assert.Equal(
            [new CalendarDay(new DateOnly(2026, 1, 1), "元旦", true), new CalendarDay(new DateOnly(2026, 1, 4), "元旦", false)],
            year.Days);
        Assert.Equal(["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"], year.Papers);
    }

    [Theory]
    // Each case: JSON, and a fragment the operator's message must contain after the source name.
    [InlineData("""{"year":2024,"days":[{"name":"元旦","date":"2024-01-01","isOffDay":true},{"name":"春节","date":"2024-2-4","isOffDay":false},{"name":"春节","date":"x","isOffDay":true}]}""", "day 2 has an invalid date '2024-2-4'")]
    [InlineData("""{"year":2024,"days":[{"name":"春节","date":"2024-02-30","isOffDay":true}]}""", "day 1 has an invalid date '2024-02-30'")]
    // 2024-02-05 is a Monday: a make-up working day must be a Saturday or Sunday.
    [InlineData("""{"year":2024,"days":[{"name":"春节","date":"2024-02-05","isOffDay":false}]}""", "day 1 (2024-02-05, Monday) is a make-up working day but not a Saturday or Sunday")]
    [InlineData("""{"year":2024,"days":[{"name":"春节","date":"2024-02-04",""", "malformed JSON")]
    [InlineData("""{"days":[]}""", "missing \"year\"")]
    [InlineData("""{"year":"2024","days":[]}""", "\"year\" must be a whole number")]
    [InlineData("""{"year":2024}""", "missing \"days\" array")]
    [InlineData("""[2024]""", "the top level must be a JSON object")]
    [InlineData("""{"year":2024,"days":[{"name":"元旦","date":"2024-01-01","isOffDay":true},{"name":"元旦","date":"2024-01-01","isOffDay":true}]}""", "day 2 lists 2024-01-01 a second time")]
    [InlineData("""{"year":2024,"days":[{"name":" ","date":"2024-01-01","isOffDay":true}]}""", "day 1 has no name")]
    [InlineData("""{"year":2024,"days":[{"name":"元旦","date":"2024-01-01"}]}""", "day 1 (2024-01-01) needs \"isOffDay\"")]
    [InlineData("""{"year":2024,"days":[{"name":"元旦","date":"2042-01-01","isOffDay":true}]}""", "day 1 date 2042-01-01 is too far from the notice year 2024")]
    public void Bad_data_throws_with_a_message_naming_the_source(string json, string expected)
    {
        var ex = Assert.Throws<CalendarDataException>(() => HolidayData.Parse(json, "2024.json"));

        Assert.StartsWith("2024.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_keeps_the_parser_error_as_inner_exception()
    {
        var ex = Assert.Throws<CalendarDataException>(() => HolidayData.Parse("{", "upload.json"));

        Assert.StartsWith("upload.json: malformed JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public void Shipped_data_covers_2007_to_2027_and_2027_is_unannounced()
    {
        var years = HolidayData.LoadShipped();

        Assert.Equal(Enumerable.Range(2007, 21), years.Select(y => y.Year));
        Assert.All(years.Where(y => y.Year < 2027), y => Assert.True(y.IsAnnounced, $"{y.Year} should be announced"));
        Assert.False(years[^1].IsAnnounced);
        Assert.Same(years, HolidayData.LoadShipped());
    }

    [Fact]
    public void Shipped_2026_matches_regulation_section_4_3()
    {
        var year2026 = HolidayData.LoadShipped().Single(y => y.Year == 2026);

        // 元旦 3 + 春节 9 + 清明 3 + 劳动 5 + 端午 3 + 中秋 3 + 国庆 7 days off.
        Assert.Equal(33, year2026.Days.Count(d => d.IsOffDay));
        Assert.Equal(
            ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            year2026.Days.Where(d => !d.IsOffDay).Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Every_shipped_year_round_trips_through_serialize_and_parse()
    {
        foreach (var year in HolidayData.LoadShipped())
        {
            var again = HolidayData.Parse(HolidayData.Serialize(year), $"{year.Year} round trip");

            Assert.Equal(year.Year, again.Year);
            Assert.Equal(year.Days, again.Days);
            Assert.Equal(year.Papers, again.Papers);
        }
    }

    [Fact]
    public void Serialize_writes_the_holiday_cn_layout()
    {
        var year = new HolidayYear(2027, [new CalendarDay(new DateOnly(2027, 1, 1), "国庆节、中秋节", true)], []);

        var json = HolidayData.Serialize(year);

        Assert.Equal(
            "{\n    \"year\": 2027,\n    \"papers\": [],\n    \"days\": [\n        {\n            \"name\": \"国庆节、中秋节\",\n"
            + "            \"date\": \"2027-01-01\",\n            \"isOffDay\": true\n        }\n    ]\n}\n",
            json);
    }
}

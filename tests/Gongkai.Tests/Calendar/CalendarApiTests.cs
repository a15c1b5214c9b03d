using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Calendar;

public sealed class CalendarApiTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Theory]
    [InlineData("2026-02-10", 20, "2026-03-16")] // regulation.md §2.2
    [InlineData("2026-02-10", 40, "2026-04-14")]
    [InlineData("2025-09-26", 5, "2025-10-10")]  // 国庆中秋 2025: Sunday 9-28 is a make-up day, 10-1..10-8 off
    [InlineData("2019-05-15", 0, "2019-05-15")]
    public async Task Deadline_follows_the_official_calendar(string from, int days, string due)
    {
        using var client = app.Anonymous();
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/calendar/deadline?from={from}&workingDays={days}");
        Assert.Equal(from, body.GetProperty("from").GetString());
        Assert.Equal(days, body.GetProperty("workingDays").GetInt32());
        Assert.Equal(due, body.GetProperty("due").GetString());
        Assert.False(body.GetProperty("weekdaysOnlyAssumed").GetBoolean());
    }

    [Fact]
    public async Task A_deadline_in_an_unannounced_year_says_so()
    {
        using var client = app.Anonymous();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2028-12-20&workingDays=20");
        Assert.True(body.GetProperty("weekdaysOnlyAssumed").GetBoolean());
        Assert.Contains("2029", body.GetProperty("explanation").GetString());
    }

    [Theory]
    [InlineData("from=2026-13-01&workingDays=5", "from")]
    [InlineData("from=20260210&workingDays=5", "from")]
    [InlineData("workingDays=5", "from")]
    [InlineData("from=2026-02-10&workingDays=-1", "workingDays")]
    [InlineData("from=2026-02-10&workingDays=99999999999", "workingDays")]
    [InlineData("from=2026-02-10&workingDays=abc", "workingDays")]
    [InlineData("from=2026-02-10", "workingDays")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/api/calendar/deadline?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.Matches("[\u4e00-\u9fff]", messages[0].GetString()!);
    }

    [Fact]
    public async Task The_office_enters_next_years_notice_and_deadlines_change_at_once()
    {
        using var client = await app.SignedInAsync("admin");
        var bad = await client.PostFormAsync("/admin/calendar/2027", [new("Year", "2027"), new("Source", "测试通知"), new("Days", "2027-01-04 元旦 班\n2027-13-01 错误 休")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("第2行的日期", badHtml);

        // 2027-01-01 is a Friday; say 元旦 is 1–3 January with no make-up day.
        var response = await client.PostFormAsync("/admin/calendar/2027",
            [new("Year", "2027"), new("Source", "国务院办公厅关于2027年部分节假日安排的通知"), new("Days", "2027-01-01 元旦 休")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var anon = app.Anonymous();
        var body = await anon.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?from=2026-12-30&workingDays=2");
        Assert.Equal("2027-01-04", body.GetProperty("due").GetString());
        Assert.False(body.GetProperty("weekdaysOnlyAssumed").GetBoolean());
        Assert.Contains(2027, (await anon.GetFromJsonAsync<int[]>("/api/calendar/years"))!);
        Assert.Contains(app.Db(db => db.AuditEntries.ToList()), e => e.EntityType == "CalendarYearRecord" && e.ActorName == "admin");
    }

    [Fact]
    public async Task The_public_calculator_page_works_without_javascript()
    {
        using var client = app.Anonymous();
        var html = await client.GetStringAsync("/deadline?from=2026-02-10&workingDays=20");
        Assert.Contains("2026-03-16", html);
        Assert.Contains("春节", html);
        var bad = await client.GetAsync("/deadline?from=2026-02-10&workingDays=-3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("工作日数应为0至366之间的整数", await bad.Content.ReadAsStringAsync());
    }
}

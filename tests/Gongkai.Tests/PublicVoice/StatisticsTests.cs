using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>
/// The figures of GET /api/admin/cases/stats and the statistics pages, from cases built through the
/// API on the fake clock: answered on time and late, rated, reopened, closed, merged, unassigned;
/// who sees which figures; complaints never on the portal.
/// </summary>
public sealed class StatisticsTests(SupervisionFactory app) : IClassFixture<SupervisionFactory>
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official;

    [Fact]
    public async Task Figures_count_on_time_late_rated_reopened_and_each_user_sees_their_own()
    {
        using var citizen = app.Anonymous();
        // Bearer tokens expire: each day of the fake clock gets fresh ones.
        var office = await app.ApiAs("bangong");
        var editor = await app.ApiAs("xinxiyuan");
        var reviewer = await app.ApiAs("shenheren");
        var t0 = Today;
        var year = t0.Year;

        var a = await FileOpinionAsync(citizen, office, title: "统计甲");
        var b = await FileOpinionAsync(citizen, office, title: "统计乙");
        var c = await FileOpinionAsync(citizen, office, title: "统计丙");
        var e = await FileOpinionAsync(citizen, office, title: "统计戊");
        var g = await FileOpinionAsync(citizen, office, title: "统计己（重复件）");
        await FileOpinionAsync(citizen, office, title: "统计庚（未分办）");
        // A letter received earlier in the year (the same month in early January).
        var dOn = t0.DayOfYear > 10 ? new DateOnly(year, 1, 5) : t0;
        var registered = await office.PostAsJsonAsync("/api/admin/cases", new { kind = "opinion", channel = "letter", receivedOn = dOn.ToString("yyyy-MM-dd"), title = "统计丁（来信）", content = "来信内容" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var d = (await office.GetFromJsonAsync<JsonElement>("/api/admin/cases?q=统计丁")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var complaint = await citizen.PostAsJsonAsync("/api/complaints", new { title = "统计投诉", content = "窗口推诿。", name = "李四", contact = "13900001111", accusedDepartment = "jyj" });
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);

        foreach (var id in new[] { a.Id, b.Id, c.Id, d })
            await StepAsync(office, id, "assign", new { departments = new[] { "jyj" } });
        // E: led by minzj, jyj co-handles it; it counts for its lead only.
        await StepAsync(office, e.Id, "assign", new { departments = new[] { "minzj", "jyj" } });
        await StepAsync(office, g.Id, "merge", new { into = a.TrackingCode });

        // A and C answered the next working day, on time; A satisfied, C fairly satisfied and closed.
        var t1 = MoveTo(Calendar.NextWorkingDay(t0));
        (office, editor, reviewer) = (await app.ApiAs("bangong"), await app.ApiAs("xinxiyuan"), await app.ApiAs("shenheren"));
        foreach (var id in new[] { a.Id, c.Id }) await AnswerAsync(office, editor, reviewer, id);
        await RateAsync(citizen, a, "satisfied");
        await RateAsync(citizen, c, "fairly-satisfied");
        await StepAsync(office, c.Id, "close");

        // B answered after its due date, unsatisfied, reopened: late, rated, not closed.
        var t2 = MoveTo(Calendar.NextWorkingDay(DateOnly.Parse(b.DueOn, System.Globalization.CultureInfo.InvariantCulture)));
        (office, editor, reviewer) = (await app.ApiAs("bangong"), await app.ApiAs("xinxiyuan"), await app.ApiAs("shenheren"));
        using var minzheng = await app.ApiAs("minzheng");
        using var inspector = await app.ApiAs("jiancha");
        using var supervisor = await app.ApiAs("jianduyuan");
        await AnswerAsync(office, editor, reviewer, b.Id);
        await RateAsync(citizen, b, "unsatisfied");
        var reopen = new HttpRequestMessage(HttpMethod.Post, $"/api/opinions/{b.TrackingCode}/reopen")
        { Content = JsonContent.Create(new { reason = "没有解决" }), Headers = { { "X-Access-Key", b.AccessKey } } };
        Assert.Equal(HttpStatusCode.OK, (await citizen.SendAsync(reopen)).StatusCode);

        var days = new[] { Calendar.CountWorkingDays(t0, t1), Calendar.CountWorkingDays(t0, t1), Calendar.CountWorkingDays(t0, t2) };
        var stats = await StatsAsync(office, $"year={year}");
        // Received: A B C D E and the unassigned one; the merged duplicate and the complaint are not counted.
        AssertFigures(stats.GetProperty("totals"), received: 6, closed: 2, answered: 3, onTime: 2, days.Sum(), rated: 3, satisfied: 2);
        var monthly = new int[12];
        monthly[t0.Month - 1] += 5;
        monthly[dOn.Month - 1] += 1;
        Assert.Equal(monthly, stats.GetProperty("monthly").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(["opinion", "suggestion"], stats.GetProperty("kinds").EnumerateArray().Select(x => x.GetString()));
        AssertFigures(Department(stats, "jyj"), received: 4, closed: 2, answered: 3, onTime: 2, days.Sum(), rated: 3, satisfied: 2);
        AssertFigures(Department(stats, "minzj"), received: 1, closed: 0, answered: 0, onTime: 0, 0, rated: 0, satisfied: 0);
        var unassigned = stats.GetProperty("departments").EnumerateArray().Single(x => x.GetProperty("code").ValueKind == JsonValueKind.Null);
        Assert.Equal("未分办", unassigned.GetProperty("name").GetString());
        Assert.Equal(1, unassigned.GetProperty("figures").GetProperty("received").GetInt32());
        var opinions = stats.GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "opinion");
        Assert.Equal(6, opinions.GetProperty("figures").GetProperty("received").GetInt32());
        Assert.Equal(stats.GetRawText(), (await StatsAsync(supervisor, $"year={year}")).GetRawText());

        // A department sees its own figures only; never complaints.
        var jyj = await StatsAsync(editor, $"year={year}");
        Assert.Equal("jyj", Assert.Single(jyj.GetProperty("departments").EnumerateArray()).GetProperty("code").GetString());
        AssertFigures(jyj.GetProperty("totals"), received: 4, closed: 2, answered: 3, onTime: 2, days.Sum(), rated: 3, satisfied: 2);
        var minzj = await StatsAsync(minzheng, $"year={year}&kind=opinion");
        Assert.Equal(1, minzj.GetProperty("totals").GetProperty("received").GetInt32());
        Assert.Equal("minzj", Assert.Single(minzj.GetProperty("departments").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/api/admin/cases/stats?year={year}&kind=complaint")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync($"/api/admin/cases/stats?year={year}&kind=complaint")).StatusCode);

        // The supervision staff count complaints only.
        var complaints = await StatsAsync(inspector, $"year={year}");
        Assert.Equal(["complaint"], complaints.GetProperty("kinds").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(1, complaints.GetProperty("totals").GetProperty("received").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync($"/api/admin/cases/stats?year={year}&kind=opinion")).StatusCode);

        // The portal: the same figures for opinions and suggestions, as a table, with the chart data; no complaint.
        var page = await citizen.GetStringAsync($"/opinions/statistics?year={year}");
        Assert.Contains("data-figure=\"received\">6<", page);
        Assert.Contains($"data-figure=\"onTimeRate\">{Rate(2, 3)}<", page);
        Assert.Contains("<th scope=\"row\">", page);
        Assert.Contains("id=\"case-stats-data\"", page);
        Assert.Contains("/lib/echarts/echarts.min.js", page);
        Assert.DoesNotContain("效能投诉", page);
        Assert.DoesNotContain("complaint", page);
        Assert.DoesNotContain("统计投诉", page);

        // The back office page shows what the API gives the user.
        using var browser = await app.SignedInAsync("xinxiyuan");
        var staffPage = await browser.GetStringAsync($"/admin/cases/statistics?year={year}");
        Assert.Contains("data-figure=\"received\">4<", staffPage);
        Assert.DoesNotContain("value=\"complaint\"", staffPage);
    }

    [Theory]
    [InlineData("year=abc", "年份")]
    [InlineData("year=1999", "年份")]
    [InlineData("year=99999", "年份")]
    [InlineData("kind=petition", "事项类型")]
    public async Task A_bad_year_or_kind_is_a_400_in_chinese(string query, string field)
    {
        using var office = await app.ApiAs("bangong");
        var response = await office.GetAsync("/api/admin/cases/stats?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());

        using var browser = await app.SignedInAsync("bangong");
        var page = await browser.GetAsync("/admin/cases/statistics?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(field, await page.Content.ReadAsStringAsync());
        using var citizen = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync("/api/admin/cases/stats")).StatusCode);
    }

    private static async Task AnswerAsync(HttpClient office, HttpClient editor, HttpClient reviewer, long id)
    {
        await StepAsync(editor, id, "accept");
        await StepAsync(editor, id, "answer", new { text = "已办理。" });
        await StepAsync(reviewer, id, "approve");
        await StepAsync(office, id, "approve");
    }

    private static async Task RateAsync(HttpClient citizen, Filed filed, string rating)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/opinions/{filed.TrackingCode}/rating")
        { Content = JsonContent.Create(new { rating }), Headers = { { "X-Access-Key", filed.AccessKey } } };
        Assert.Equal(HttpStatusCode.OK, (await citizen.SendAsync(request)).StatusCode);
    }

    private static async Task<JsonElement> StatsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/admin/cases/stats?" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Department(JsonElement stats, string code) =>
        stats.GetProperty("departments").EnumerateArray().Single(x => x.GetProperty("code").GetString() == code).GetProperty("figures");

    private static void AssertFigures(JsonElement f, int received, int closed, int answered, int onTime, int days, int rated, int satisfied)
    {
        Assert.Equal(received, f.GetProperty("received").GetInt32());
        Assert.Equal(closed, f.GetProperty("closed").GetInt32());
        Assert.Equal(answered, f.GetProperty("answered").GetInt32());
        Assert.Equal(onTime, f.GetProperty("onTime").GetInt32());
        Assert.Equal(rated, f.GetProperty("rated").GetInt32());
        Assert.Equal(satisfied, f.GetProperty("satisfied").GetInt32());
        AssertRate(received == 0 ? null : Percent(closed, received), f.GetProperty("closingRate"));
        AssertRate(answered == 0 ? null : Percent(onTime, answered), f.GetProperty("onTimeRate"));
        AssertRate(rated == 0 ? null : Percent(satisfied, rated), f.GetProperty("satisfactionRate"));
        AssertRate(answered == 0 ? null : Math.Round((double)days / answered, 1, MidpointRounding.AwayFromZero), f.GetProperty("averageWorkingDays"));
    }

    private static void AssertRate(double? expected, JsonElement actual)
    {
        if (expected is null) Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        else Assert.Equal(expected.Value, actual.GetDouble(), 3);
    }

    private static double Percent(int part, int whole) => Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    private static string Rate(int part, int whole) => Percent(part, whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private DateOnly Today => ChinaTime.Today(app.Clock);

    /// <summary>Moves the fake clock forward to 10:00 Beijing time on <paramref name="day"/> (never back).</summary>
    private DateOnly MoveTo(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(at);
        return Today;
    }
}

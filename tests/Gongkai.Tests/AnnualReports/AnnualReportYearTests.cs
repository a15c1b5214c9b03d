using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Applications;
using static Gongkai.Tests.Applications.ApplicationsTestKit;

namespace Gongkai.Tests.AnnualReports;

/// <summary>
/// A year of applications built through the staff API (all 21 outcomes, all 6 applicant types, carried in
/// from 2024 and out into 2026, returned and transferred ones) and cases, then every cell of tables 三 and 四
/// compared with what the scenario says, table 二 from catalogue items, and publication.
/// </summary>
public sealed class AnnualReportYearTests(ApplicationsFactory app) : IClassFixture<ApplicationsFactory>
{
    private static readonly string[] Types = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];

    private static readonly string[] Outcomes =
    [
        "granted", "partial", "refused.state-secret", "refused.law-prohibits", "refused.three-safeties", "refused.third-party",
        "refused.internal-affairs", "refused.process-info", "refused.enforcement-file", "refused.query-matter",
        "unavailable.not-held", "unavailable.needs-creation", "unavailable.unclear-after-correction",
        "not-handled.petition", "not-handled.repeat", "not-handled.publication", "not-handled.excessive", "not-handled.confirmation",
        "other.no-correction", "other.unpaid-fee", "other.other",
    ];

    /// <summary>What the test did to one application: who applied, when it arrived, and when and how it ended.</summary>
    private sealed record Case(int Type, DateOnly Received, string? Outcome, DateOnly? Finished, string Department);

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string S(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Registered> Register(HttpClient staff, int type, DateOnly received, string department, string tag) =>
        await RegisterAsync(staff, S(received), department, name: type == 0 ? "王五" : "某某" + Types[type] + tag,
            description: $"年报测试申请{tag}：{Types[type]}{S(received)}", idNumber: type == 0 ? IdNumber : null, applicantType: Types[type]);

    /// <summary>Ends an application with <paramref name="outcome"/>, taking the steps that outcome needs; returns the day it ended.</summary>
    private static async Task<DateOnly> Finish(HttpClient staff, long id, DateOnly received, string outcome, int days = 9)
    {
        switch (outcome)
        {
            case "other.no-correction":
                await OkStepAsync(staff, id, "correction-request", new { on = S(received.AddDays(1)), deadline = S(received.AddDays(16)) });
                await OkStepAsync(staff, id, "reply", new { on = S(received.AddDays(20)), outcome });
                return received.AddDays(20);
            case "other.unpaid-fee":
                await OkStepAsync(staff, id, "fee-notice", new { on = S(received.AddDays(2)), amount = 50 });
                await OkStepAsync(staff, id, "reply", new { on = S(received.AddDays(50)), outcome });
                return received.AddDays(50);
            default:
                await OkStepAsync(staff, id, "reply", new { on = S(received.AddDays(days)), outcome, text = "答复内容" });
                return received.AddDays(days);
        }
    }

    [Fact]
    public async Task Every_cell_of_tables_3_and_4_follows_the_applications_and_cases_of_the_year()
    {
        using var staff = await app.ApiAs("admin");
        var cases = new List<Case>();

        // 2025: every outcome once, applicant types in turn, received from March on.
        for (var k = 0; k < Outcomes.Length; k++)
        {
            var type = k % Types.Length;
            var received = new DateOnly(2025, 3, 3).AddDays(k * 9);
            var a = await Register(staff, type, received, "fgj", $"o{k}");
            cases.Add(new(type, received, Outcomes[k], await Finish(staff, a.Id, received, Outcomes[k]), "fgj"));
        }
        // A paid fee (信息处理费, stated in section 六): 120 元 paid in 2025.
        {
            var received = D("2025-06-02");
            var a = await Register(staff, 0, received, "fgj", "fee");
            await OkStepAsync(staff, a.Id, "fee-notice", new { on = "2025-06-04", amount = 120 });
            await OkStepAsync(staff, a.Id, "fee-paid", new { on = "2025-06-10" });
            await OkStepAsync(staff, a.Id, "reply", new { on = "2025-06-16", outcome = "granted", text = "予以公开" });
            cases.Add(new(0, received, "granted", D("2025-06-16"), "fgj"));
        }
        // Carried in from 2024: one per type, concluded in 2025; one concluded in 2024 (not in 2025's table);
        // one still open (carried in and out).
        var carriedIn = new List<long>();
        for (var t = 0; t < Types.Length; t++)
        {
            var received = new DateOnly(2024, 12, 16).AddDays(t * 2);
            var a = await Register(staff, t, received, "fgj", $"in{t}");
            carriedIn.Add(a.Id);
            var outcome = Outcomes[(t * 5) % 18];
            cases.Add(new(t, received, outcome, await Finish(staff, a.Id, received, outcome, days: 22), "fgj"));
        }
        {
            var a = await Register(staff, 1, D("2024-10-08"), "fgj", "old");
            cases.Add(new(1, D("2024-10-08"), "granted", await Finish(staff, a.Id, D("2024-10-08"), "granted"), "fgj"));
            var open = await Register(staff, 4, D("2024-11-20"), "fgj", "long");
            await OkStepAsync(staff, open.Id, "accept", new { on = "2024-11-21" });
            cases.Add(new(4, D("2024-11-20"), null, null, "fgj"));
        }
        // Carried out into 2026: replied in January 2026, or still open (accepted, returned to the office,
        // transferred in from another department).
        for (var t = 0; t < Types.Length; t++)
        {
            var received = new DateOnly(2025, 12, 15).AddDays(t * 2);
            var a = await Register(staff, t, received, t == 5 ? "jyj" : "fgj", $"out{t}");
            switch (t)
            {
                case 0 or 1 or 2:
                    await OkStepAsync(staff, a.Id, "reply", new { on = "2026-01-09", outcome = Outcomes[t + 10], text = "答复" });
                    cases.Add(new(t, received, Outcomes[t + 10], D("2026-01-09"), "fgj"));
                    break;
                case 3:
                    await OkStepAsync(staff, a.Id, "accept", new { on = S(received.AddDays(1)) });
                    cases.Add(new(t, received, null, null, "fgj"));
                    break;
                case 4:
                    await OkStepAsync(staff, a.Id, "return", new { on = S(received.AddDays(1)), reason = "不属于本部门职责" });
                    cases.Add(new(t, received, null, null, "fgj"));
                    break;
                default:
                    await OkStepAsync(staff, a.Id, "transfer", new { on = S(received.AddDays(1)), department = "fgj", reason = "由发展改革局办理" });
                    cases.Add(new(t, received, null, null, "fgj"));
                    break;
            }
        }
        // Another department's application in 2025: not in fgj's report.
        await Register(staff, 0, D("2025-05-06"), "jyj", "other-dept");

        // Cases (table 四): filed in 2025 unless said otherwise; a decision after 31 December is 尚未审结.
        var first = await Register(staff, 0, D("2025-02-03"), "fgj", "remedy");
        await OkStepAsync(staff, first.Id, "reply", new { on = "2025-02-10", outcome = "refused.third-party", text = "不予公开" });
        cases.Add(new(0, D("2025-02-03"), "refused.third-party", D("2025-02-10"), "fgj"));
        var remedies = new (string Path, string Filed, string? Route, string? Result, string? Decided, int Column)[]
        {
            ("reviews", "2025-03-01", null, "维持", "2025-05-01", 0),
            ("reviews", "2025-03-02", null, "纠正", "2025-06-01", 1),
            ("reviews", "2025-03-03", null, "其他", "2025-07-01", 2),
            ("reviews", "2025-03-04", null, null, null, 3),
            ("reviews", "2025-11-05", null, "维持", "2026-02-01", 3),   // decided in 2026: pending on 31 December
            ("lawsuits", "2025-04-01", "direct", "纠正", "2025-09-01", 6),
            ("lawsuits", "2025-04-02", "direct", null, null, 8),
            ("lawsuits", "2025-04-03", "after-review", "维持", "2025-10-01", 10),
            ("lawsuits", "2025-04-04", "after-review", "其他", "2025-10-02", 12),
        };
        foreach (var r in remedies)
        {
            var response = await staff.PostAsJsonAsync($"/api/admin/{r.Path}",
                new { applicationId = first.Id, filedOn = r.Filed, route = r.Route, result = r.Result, decidedOn = r.Decided });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        // Filed in 2024 and in 2026: not in 2025's table.
        foreach (var (id, filed) in new[] { (carriedIn[0], "2024-12-20"), (first.Id, "2026-02-02") })
        {
            var response = await staff.PostAsJsonAsync("/api/admin/reviews", new { applicationId = id, filedOn = filed });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        var report = await (await staff.GetAsync("/api/reports/annual/2025?body=fgj")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2021", report.GetProperty("format").GetString());

        // Table 三, every cell, from the scenario.
        var jan1 = new DateOnly(2025, 1, 1);
        var dec31 = new DateOnly(2025, 12, 31);
        var mine = cases.Where(c => c.Department == "fgj").ToList();
        long Count(string row, int column) => mine.Count(c => c.Type == column && row switch
        {
            "new" => c.Received >= jan1 && c.Received <= dec31,
            "carried-in" => c.Received < jan1 && (c.Finished is null || c.Finished >= jan1),
            "carried-out" => c.Received <= dec31 && (c.Finished is null || c.Finished > dec31),
            "total" => c.Finished >= jan1 && c.Finished <= dec31,
            _ => c.Finished >= jan1 && c.Finished <= dec31 && c.Outcome == row,
        });
        var rows = report.GetProperty("tables").GetProperty("applications").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(25, rows.Count);
        Assert.Equal(["new", "carried-in", .. Outcomes, "total", "carried-out"], rows.Select(r => r.GetProperty("key").GetString()!).ToArray());
        foreach (var row in rows)
        {
            var key = row.GetProperty("key").GetString()!;
            var values = row.GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            var expected = Enumerable.Range(0, 6).Select(c => Count(key, c)).ToList();
            expected.Add(expected.Sum());
            Assert.True(expected.SequenceEqual(values), $"{row.GetProperty("label").GetString()}: expected {string.Join(",", expected)}, got {string.Join(",", values)}");
        }
        // The scenario reaches every column and every outcome row, and the carried rows are not empty.
        Assert.All(Outcomes, o => Assert.True(Enumerable.Range(0, 6).Sum(c => Count(o, c)) > 0, o));
        Assert.All(Enumerable.Range(0, 6), c => Assert.True(Count("new", c) > 0 && Count("carried-in", c) > 0 && Count("carried-out", c) > 0, Types[c]));
        Assert.Equal(7, Count("carried-in", 0) + Count("carried-in", 1) + Count("carried-in", 2) + Count("carried-in", 3) + Count("carried-in", 4) + Count("carried-in", 5));

        // Table 四: every cell.
        var expected4 = new long[15];
        foreach (var r in remedies) expected4[r.Column]++;
        for (var g = 0; g < 3; g++) expected4[g * 5 + 4] = expected4.Skip(g * 5).Take(4).Sum();
        var values4 = report.GetProperty("tables").GetProperty("reviewLitigation").GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        Assert.Equal(expected4, values4);

        // Every check of tables 三 and 四 passes; table 二 is not filled yet.
        var checks = report.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks.Where(c => !c.GetProperty("code").GetString()!.StartsWith("proactive.", StringComparison.Ordinal)),
            c => Assert.True(c.GetProperty("passed").GetBoolean(), c.GetProperty("detail").GetString()));
        Assert.Contains(checks, c => c.GetProperty("code").GetString() == "proactive.filled" && !c.GetProperty("passed").GetBoolean());

        // Section 六 states the fee paid in 2025; 一（二） the counts.
        var sections = report.GetProperty("sections").EnumerateArray().ToList();
        Assert.Contains("120元", sections.Single(s => s.GetProperty("key").GetString() == "other").GetProperty("text").GetString());
        var onRequest = sections.Single(s => s.GetProperty("key").GetString() == "overview").GetProperty("subsections").EnumerateArray()
            .Single(s => s.GetProperty("key").GetString() == "overview.on-request").GetProperty("text").GetString()!;
        Assert.Contains($"新收政府信息公开申请{Enumerable.Range(0, 6).Sum(c => Count("new", c))}件", onRequest);
    }
}

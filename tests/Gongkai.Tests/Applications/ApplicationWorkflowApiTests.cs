using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Applications.ApplicationsTestKit;

namespace Gongkai.Tests.Applications;

/// <summary>The statutory workflow through the staff API, with fixed past dates (regulation.md §2.2's example and the 2026 calendar).</summary>
public sealed class ApplicationWorkflowApiTests(ApplicationsFactory app) : IClassFixture<ApplicationsFactory>
{
    [Fact]
    public async Task The_whole_workflow_moves_the_due_date_and_the_applicant_sees_it()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff);
        Assert.Matches(@"^YS2026-[2-9A-HJKMNP-Z]{8}$", a.TrackingCode);
        Assert.Equal("2026-03-16", (await DetailAsync(staff, a.Id)).GetProperty("clock").Str("dueOn"));

        await OkStepAsync(staff, a.Id, "accept", new { on = "2026-02-11" });
        var consulting = await OkStepAsync(staff, a.Id, "consultation", new { from = "2026-02-24", party = "某建筑公司" });
        Assert.Null(consulting.Str("dueOn"));
        Assert.Equal("in-consultation", consulting.Str("phase"));
        Assert.Equal("2026-03-16", consulting.Str("thirdPartyDueOn")); // 02-24 + 15 working days

        var ended = await OkStepAsync(staff, a.Id, "consultation-end", new { on = "2026-03-10" });
        Assert.Equal("2026-03-31", ended.Str("dueOn"));               // 11 working days left out
        Assert.Contains("第三十三条第三款", ended.Str("dueReason"));

        var extended = await OkStepAsync(staff, a.Id, "extend", new { on = "2026-03-20", workingDays = 10, reason = "需调阅历年档案" });
        Assert.Equal("2026-04-15", extended.Str("dueOn"));
        Assert.Contains("第三十三条第二款", extended.Str("dueReason"));

        // 按量 150 pages: 70 × 10 + 50 × 20 = 1700 元; payment due 20 working days after 03-25.
        var fee = await OkStepAsync(staff, a.Id, "fee-notice", new { on = "2026-03-25", pages = 150 });
        Assert.Equal((1700, "awaiting-payment", "2026-04-23"), (fee.GetProperty("feeAmount").GetInt32(), fee.Str("phase"), fee.Str("paymentDueOn")));

        var paid = await OkStepAsync(staff, a.Id, "fee-paid", new { on = "2026-04-08" });
        Assert.Equal("2026-04-28", paid.Str("dueOn"));                // + 9 working days

        var replied = await OkStepAsync(staff, a.Id, "reply", new { on = "2026-04-27", outcome = "partial", text = "部分内容涉及第三方商业秘密，不予公开。" });
        Assert.Equal(("replied", "partial", "2026-04-28"), (replied.Str("status"), replied.Str("outcome"), replied.Str("dueOn")));

        using var citizen = app.Anonymous();
        var tracked = await (await TrackAsync(citizen, a.TrackingCode.ToLowerInvariant(), a.AccessKey)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("replied", tracked.Str("status"));
        Assert.Equal("partial", tracked.GetProperty("reply").Str("outcome"));
        Assert.Contains("第三十七条", tracked.GetProperty("reply").Str("basis"));
        var events = tracked.GetProperty("history").EnumerateArray().Select(h => h.Str("event")!).ToArray();
        Assert.Equal(["received", "accepted", "consultation", "consultation-end", "extend", "fee-notice", "fee-paid", "reply"], events);
        Assert.DoesNotContain("某建筑公司", tracked.GetRawText()); // whom staff consulted is not the applicant's business
    }

    [Fact]
    public async Task A_correction_stops_the_clock_and_restarts_it()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff);
        var asked = await OkStepAsync(staff, a.Id, "correction-request", new { on = "2026-02-12", deadline = "2026-03-05" });
        Assert.Equal(("awaiting-correction", null, "2026-03-05"), (asked.Str("phase"), asked.Str("dueOn"), asked.Str("correctionDeadline")));

        var corrected = await OkStepAsync(staff, a.Id, "corrected", new { on = "2026-03-05" });
        Assert.Equal("2026-04-02", corrected.Str("dueOn"));
        Assert.Contains("重新计算", corrected.Str("dueReason"));
    }

    public static TheoryData<string, string, string, object, HttpStatusCode, string> Refusals => new()
    {
        // name, setup steps ("step:json;…"), refused step, its body, status, part of the Chinese detail
        { "reply twice", "reply:{\"on\":\"2026-03-01\",\"outcome\":\"granted\"}", "reply", new { on = "2026-03-02", outcome = "partial" }, HttpStatusCode.Conflict, "答复" },
        { "extend twice", "extend:{\"on\":\"2026-03-01\",\"workingDays\":5,\"reason\":\"r\"}", "extend", new { on = "2026-03-02", workingDays = 5, reason = "r" }, HttpStatusCode.Conflict, "只能延长一次" },
        { "extend beyond 20", "", "extend", new { on = "2026-03-01", workingDays = 21, reason = "r" }, HttpStatusCode.UnprocessableEntity, "1至20个工作日" },
        { "date before receipt", "", "accept", new { on = "2026-02-09" }, HttpStatusCode.UnprocessableEntity, "不能早于收到申请之日" },
        { "date in the future", "", "accept", new { on = "2099-01-01" }, HttpStatusCode.UnprocessableEntity, "不能晚于今天" },
        { "corrected without a request", "", "corrected", new { on = "2026-02-20" }, HttpStatusCode.Conflict, "没有待补正" },
        { "correction after 7 working days", "", "correction-request", new { on = "2026-02-27", deadline = "2026-03-20" }, HttpStatusCode.UnprocessableEntity, "7个工作日" },
        { "consultation-end without consultation", "", "consultation-end", new { on = "2026-02-20" }, HttpStatusCode.Conflict, "没有正在进行的征求意见" },
        { "reply while consulting", "consultation:{\"from\":\"2026-02-24\"}", "reply", new { on = "2026-02-25", outcome = "granted" }, HttpStatusCode.Conflict, "正在征求意见" },
        { "fee-paid without notice", "", "fee-paid", new { on = "2026-02-20" }, HttpStatusCode.Conflict, "没有待缴纳" },
        { "accept twice", "accept:{\"on\":\"2026-02-11\"}", "accept", new { on = "2026-02-12" }, HttpStatusCode.Conflict, "只有待受理" },
        { "unknown outcome", "", "reply", new { on = "2026-03-01", outcome = "refused" }, HttpStatusCode.BadRequest, "提交的数据有误" },
        { "malformed date", "", "extend", new { on = "2026-02-30", workingDays = 5, reason = "r" }, HttpStatusCode.BadRequest, "提交的数据有误" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Illegal_steps_answer_problem_details_in_chinese_and_change_nothing(
        string name, string setup, string step, object body, HttpStatusCode status, string detail)
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, description: $"拒绝测试：{name}");
        foreach (var s in setup.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            using var content = new StringContent(s[(colon + 1)..], System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/admin/applications/{a.Id}/{s[..colon]}", content)).StatusCode);
        }
        var before = (await DetailAsync(staff, a.Id)).GetRawText();

        var response = await StepAsync(staff, a.Id, step, body);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.Str("detail") + problem.Str("title"));
        Assert.Equal(before, (await DetailAsync(staff, a.Id)).GetRawText());
    }

    [Fact]
    public async Task Two_replies_at_once_give_one_reply_and_one_conflict()
    {
        using var one = await app.ApiAs("xinxiyuan");
        using var two = await app.ApiAs("shenheren");
        var a = await RegisterAsync(one, description: "并发答复测试");

        var responses = await Task.WhenAll(
            StepAsync(one, a.Id, "reply", new { on = "2026-03-01", outcome = "granted" }),
            StepAsync(two, a.Id, "reply", new { on = "2026-03-01", outcome = "unavailable.not-held" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var detail = await DetailAsync(one, a.Id);
        Assert.Single(detail.GetProperty("history").EnumerateArray(), h => h.Str("event") == "reply");
    }

    [Fact]
    public async Task Lapsed_corrections_are_closed_by_the_system_as_other_processing_1()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, description: "逾期不补正测试");
        await OkStepAsync(staff, a.Id, "correction-request", new { on = "2026-02-12", deadline = "2026-03-05" });

        var service = app.Services.GetRequiredService<Gongkai.Features.Applications.ApplicationLapseService>();
        Assert.True(await service.RunOnceAsync(CancellationToken.None) >= 1);

        var detail = await DetailAsync(staff, a.Id);
        Assert.Equal(("closed", "other.no-correction", "2026-03-06"), (detail.GetProperty("clock").Str("status"), detail.GetProperty("clock").Str("outcome"), detail.GetProperty("clock").Str("finishedOn")));
        var last = detail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("closed", "系统"), (last.Str("event"), last.Str("recordedBy")));
    }

    [Fact]
    public async Task Reviews_and_lawsuits_are_recorded_with_their_results()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, description: "复议诉讼测试");
        await OkStepAsync(staff, a.Id, "reply", new { on = "2026-03-01", outcome = "refused.third-party" });

        var review = await staff.PostAsJsonAsync("/api/admin/reviews", new { applicationId = a.Id, filedOn = "2026-04-10", authority = "明湖区人民政府" });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var reviewBody = await review.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", reviewBody.Str("result"));
        var reviewId = reviewBody.GetProperty("id").GetInt64();

        var decided = await staff.PutAsJsonAsync($"/api/admin/reviews/{reviewId}", new { result = "维持", decidedOn = "2026-06-01" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("upheld", (await decided.Content.ReadFromJsonAsync<JsonElement>()).Str("result"));

        var suit = await staff.PostAsJsonAsync("/api/admin/lawsuits", new { trackingCode = a.TrackingCode, filedOn = "2026-06-20", route = "after-review", reviewId, result = "尚未审结" });
        Assert.Equal(HttpStatusCode.Created, suit.StatusCode);
        Assert.Equal("after-review", (await suit.Content.ReadFromJsonAsync<JsonElement>()).Str("kind"));

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync("/api/admin/lawsuits", new { applicationId = a.Id, filedOn = "2026-06-20" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await staff.PutAsJsonAsync($"/api/admin/reviews/{reviewId}", new { result = "纠正", decidedOn = "2026-04-01" })).StatusCode);

        var cases = (await DetailAsync(staff, a.Id)).GetProperty("cases").EnumerateArray().Select(c => (c.Str("kind"), c.Str("result"))).ToArray();
        Assert.Equal([("review", "upheld"), ("after-review", "pending")], cases);
    }
}

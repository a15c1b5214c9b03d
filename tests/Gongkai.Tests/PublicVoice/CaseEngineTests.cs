using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Hosting;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>The case engine's life through the API: intake, assignment, answer, two approvals, publication, rating.</summary>
public sealed class CaseEngineTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    [Fact]
    public async Task An_opinion_goes_from_the_citizen_through_office_department_and_back()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var filed = await FileOpinionAsync(citizen, office);

        // Due 10 working days after receipt on the official calendar (the default for opinions).
        var today = ChinaTime.Today(app.Clock);
        Assert.Equal(WorkingDayCalendar.Official.AddWorkingDays(today, 10).Due.ToString("yyyy-MM-dd"), filed.DueOn);
        Assert.Matches($"^MY{today.Year}-", filed.TrackingCode);

        // Before assignment the department sees nothing of it.
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/admin/cases/{filed.Id}")).StatusCode);

        var assigned = await StepAsync(office, filed.Id, "assign", new { departments = new[] { "jyj", "minzj" }, dueInWorkingDays = 8 });
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());
        Assert.Equal(WorkingDayCalendar.Official.AddWorkingDays(today, 8).Due.ToString("yyyy-MM-dd"), assigned.GetProperty("dueOn").GetString());

        // The co-handler reads it but may not accept or answer it.
        using var coHandler = await app.ApiAs("minzheng");
        Assert.Equal(HttpStatusCode.OK, (await coHandler.GetAsync($"/api/admin/cases/{filed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coHandler.PostAsJsonAsync($"/api/admin/cases/{filed.Id}/accept", new { })).StatusCode);

        await StepAsync(editor, filed.Id, "accept");
        await StepAsync(editor, filed.Id, "answer", new { text = "已安排维修，三个工作日内修复。" });
        // The editor cannot approve their own department's answer; the reviewer can.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync($"/api/admin/cases/{filed.Id}/approve", new { })).StatusCode);
        Assert.Equal("answer-approved", (await StepAsync(reviewer, filed.Id, "approve")).GetProperty("status").GetString());
        Assert.Equal("answered", (await StepAsync(office, filed.Id, "approve")).GetProperty("status").GetString());

        // The citizen reads the answer and rates it.
        var track = await Track(citizen, filed);
        Assert.Equal("已安排维修，三个工作日内修复。", track.GetProperty("answer").GetString());
        Assert.True(track.GetProperty("canRate").GetBoolean());
        await StepAsync(office, filed.Id, "publish");
        var rated = await citizen.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/opinions/{filed.TrackingCode}/rating")
        {
            Content = JsonContent.Create(new { rating = "satisfied" }),
            Headers = { { "X-Access-Key", filed.AccessKey } },
        });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var published = await citizen.GetFromJsonAsync<JsonElement>("/api/opinions/published?q=路灯");
        Assert.Contains(published.GetProperty("items").EnumerateArray(), i => i.GetProperty("trackingCode").GetString() == filed.TrackingCode);
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/admin/cases/{filed.Id}");
        Assert.Equal("satisfied", detail.GetProperty("rating").GetString());
        Assert.True(detail.GetProperty("answeredOnTime").GetBoolean());
    }

    [Fact]
    public async Task A_complaint_is_seen_only_by_the_supervision_staff()
    {
        using var citizen = app.Anonymous();
        var response = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            title = "窗口工作人员态度恶劣", content = "区教育局办事窗口工作人员推诿，多次往返未办成。", name = "李四", contact = "13900001111", accusedDepartment = "jyj",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

        using var inspector = await app.ApiAs("jiancha");
        var list = await inspector.GetFromJsonAsync<JsonElement>($"/api/admin/cases?kind=complaint&q={code}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        foreach (var user in new[] { "bangong", "xinxiyuan", "shenheren", "jianduyuan" })
        {
            using var other = await app.ApiAs(user);
            var theirs = await other.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={code}");
            Assert.Equal(0, theirs.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task Missing_fields_get_chinese_messages_and_complaints_need_a_name()
    {
        using var citizen = app.Anonymous();
        var empty = await citizen.PostAsJsonAsync("/api/opinions", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var text = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请填写标题", text);
        var anonymous = await citizen.PostAsJsonAsync("/api/complaints", new { title = "投诉", content = "内容", accusedPerson = "王某" });
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Contains("请填写姓名", await anonymous.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> Track(HttpClient citizen, Filed filed)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/opinions/{filed.TrackingCode}") { Headers = { { "X-Access-Key", filed.AccessKey } } };
        var response = await citizen.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

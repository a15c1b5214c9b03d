using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Gongkai.Domain.Cases;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>
/// Opinions through Open311 GeoReport v2: every answer checked against the standard's field lists
/// (JSON and XML), filing with a registered client's key and following the request by token and id,
/// what the public list shows and hides, and the standard's error format for bad input.
/// </summary>
public sealed class Open311Tests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    // GeoReport v2's field lists (http://wiki.open311.org/GeoReport_v2), in the standard's order.
    internal static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    internal static readonly string[] DefinitionFields = ["service_code", "attributes"];
    internal static readonly string[] FiledFields = ["service_request_id", "token", "service_notice", "account_id"];
    internal static readonly string[] TokenFields = ["service_request_id", "token"];
    internal static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];
    internal static readonly string[] ErrorFields = ["code", "description"];

    [Fact]
    public async Task Services_are_the_active_topics_with_the_standard_fields_in_json_and_xml()
    {
        using var client = app.Anonymous();
        var topics = app.Db(db => db.CaseTopics.Where(t => t.Active).OrderBy(t => t.SortOrder).Select(t => new { t.Code, t.Name, t.Group, t.Keywords }).ToList());
        Assert.NotEmpty(topics);

        var json = await JsonArray(client, "/open311/v2/services.json");
        Assert.Equal(topics.Select(t => t.Code), json.Select(s => s.GetProperty("service_code").GetString()));
        foreach (var s in json)
        {
            AssertFields(s, ServiceFields);
            Assert.False(s.GetProperty("metadata").GetBoolean());
            Assert.Equal("realtime", s.GetProperty("type").GetString());
        }
        var city = json.Single(s => s.GetProperty("service_code").GetString() == "city");
        Assert.Equal(topics.Single(t => t.Code == "city").Name, city.GetProperty("service_name").GetString());
        Assert.Equal(topics.Single(t => t.Code == "city").Group, city.GetProperty("group").GetString());

        var xml = await Xml(client, "/open311/v2/services.xml");
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.All(xml.Root.Elements(), e => Assert.Equal("service", e.Name.LocalName));
        Assert.Equal(topics.Select(t => t.Code), xml.Root.Elements().Select(e => e.Element("service_code")!.Value));
        Assert.All(xml.Root.Elements(), e => AssertFields(e, ServiceFields));
        Assert.Equal(topics.Single(t => t.Code == "city").Keywords, xml.Root.Elements().Single(e => e.Element("service_code")!.Value == "city").Element("keywords")!.Value);

        var definition = await client.GetFromJsonAsync<JsonElement>("/open311/v2/services/city.json");
        AssertFields(definition, DefinitionFields);
        Assert.Equal("city", definition.GetProperty("service_code").GetString());
        Assert.Equal(0, definition.GetProperty("attributes").GetArrayLength());
        var definitionXml = await Xml(client, "/open311/v2/services/city.xml");
        Assert.Equal("service_definition", definitionXml.Root!.Name.LocalName);
        AssertFields(definitionXml.Root, DefinitionFields);

        await AssertError(client.GetAsync("/open311/v2/services/no-such.json"), 404);
        await AssertError(client.GetAsync("/open311/v2/services/no-such.xml"), 404, xml: true);
    }

    [Fact]
    public async Task A_client_files_an_opinion_and_follows_it_by_token_and_id_until_the_answer()
    {
        var key = await IssueKeyAsync("街道随手拍");
        using var civicApp = app.Anonymous();
        var response = await civicApp.PostAsync("/open311/v2/requests.json", Form(key,
            ("service_code", "education"), ("description", "实验小学门口早晚接送时段拥堵严重\n希望增设临时停车位并安排交警疏导。"),
            ("lat", "30.2741"), ("long", "120.1551"), ("address_string", "明湖街道学府路8号"),
            ("first_name", "三"), ("last_name", "张"), ("phone", "13812345678"), ("email", "zhangsan@example.com"),
            ("device_id", "device-42"), ("account_id", "acct-7"), ("media_url", "https://img.example.com/a.jpg")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        AssertFields(filed, FiledFields);
        var requestId = filed.GetProperty("service_request_id").GetString()!;
        var token = filed.GetProperty("token").GetString()!;
        Assert.Matches("^MY\\d{4}-", requestId);
        Assert.Equal("acct-7", filed.GetProperty("account_id").GetString());
        Assert.Contains("10 个工作日", filed.GetProperty("service_notice").GetString());

        // The engine has it as an opinion from Open311: name, encrypted contact and the client's row.
        using var office = await app.ApiAs("bangong");
        var list = await office.GetFromJsonAsync<JsonElement>($"/api/admin/cases?q={requestId}");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt64();
        var stored = app.Db(db => db.Cases.Single(c => c.Id == id));
        Assert.Equal((CaseKind.Opinion, CaseChannel.Open311, "张三", "education"), (stored.Kind, stored.Channel, stored.CitizenName, stored.Topic));
        Assert.Equal("实验小学门口早晚接送时段拥堵严重", stored.Title);
        Assert.NotNull(stored.Contact);
        Assert.DoesNotContain("13812345678", stored.Contact);
        var row = app.Db(db => db.Open311Requests.Single(r => r.CaseId == id));
        Assert.Equal((token, "device-42", "acct-7"), (row.Token, row.DeviceId, row.AccountId));
        Assert.Equal(app.Db(db => db.Open311Clients.Single(c => c.Name == "街道随手拍").Id), row.ClientId);

        var byToken = Assert.Single(await JsonArray(civicApp, $"/open311/v2/tokens/{token}.json"));
        AssertFields(byToken, TokenFields);
        Assert.Equal(requestId, byToken.GetProperty("service_request_id").GetString());
        var tokenXml = await Xml(civicApp, $"/open311/v2/tokens/{token}.xml");
        Assert.Equal(requestId, tokenXml.Root!.Element("request")!.Element("service_request_id")!.Value);

        var open = Assert.Single(await JsonArray(civicApp, $"/open311/v2/requests/{requestId}.json"));
        AssertFields(open, RequestFields);
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("agency_responsible").ValueKind);
        Assert.Equal("教育", open.GetProperty("service_name").GetString());
        Assert.Equal("实验小学门口早晚接送时段拥堵严重\n希望增设临时停车位并安排交警疏导。", open.GetProperty("description").GetString());
        Assert.Equal("https://img.example.com/a.jpg", open.GetProperty("media_url").GetString());
        Assert.Equal(30.2741, open.GetProperty("lat").GetDouble());
        Assert.Equal(120.1551, open.GetProperty("long").GetDouble());
        Assert.Equal($"{stored.DueOn:yyyy-MM-dd}T23:59:59+08:00", open.GetProperty("expected_datetime").GetString());
        Assert.True(DateTimeOffset.TryParse(open.GetProperty("requested_datetime").GetString(), out var requested));
        Assert.Equal(TimeSpan.FromHours(8), requested.Offset);

        // The office assigns, the department answers, its reviewer and the office approve: closed.
        await StepAsync(office, id, "assign", new { departments = new[] { "jyj" } });
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        await StepAsync(editor, id, "accept");
        var assigned = Assert.Single(await JsonArray(civicApp, $"/open311/v2/requests/{requestId}.json"));
        var department = (await civicApp.GetFromJsonAsync<JsonElement>("/api/departments/jyj")).GetProperty("name").GetString();
        Assert.Equal(department, assigned.GetProperty("agency_responsible").GetString());
        Assert.Equal("open", assigned.GetProperty("status").GetString());
        await StepAsync(editor, id, "answer", new { text = "已协调交警部门在上学放学时段安排执勤。" });
        await StepAsync(reviewer, id, "approve");
        await StepAsync(office, id, "approve");

        var closed = await Xml(civicApp, $"/open311/v2/requests/{requestId}.xml");
        Assert.Equal("service_requests", closed.Root!.Name.LocalName);
        var request = Assert.Single(closed.Root.Elements());
        Assert.Equal("request", request.Name.LocalName);
        AssertFields(request, RequestFields);
        Assert.Equal("closed", request.Element("status")!.Value);
        Assert.Equal(department, request.Element("agency_responsible")!.Value);
        // Not published: the answer went to the citizen, not into the public list.
        Assert.DoesNotContain("交警部门", closed.ToString());

        var keys = await office.GetFromJsonAsync<JsonElement>("/api/admin/open311-keys");
        var listed = keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "街道随手拍");
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(key[..10], listed.GetProperty("keyPrefix").GetString());
        Assert.DoesNotContain(key, keys.GetRawText());
    }

    [Fact]
    public async Task Filing_without_a_key_or_with_an_unknown_or_revoked_key_is_refused()
    {
        using var civicApp = app.Anonymous();
        int Filed() => app.Db(db => db.Cases.Count(c => c.Channel == CaseChannel.Open311));
        var before = Filed();
        (string, string)[] fields = [("service_code", "city"), ("description", "路灯不亮"), ("address_string", "幸福路1号")];

        await AssertError(civicApp.PostAsync("/open311/v2/requests.json", Form(null, fields)), 400);
        await AssertError(civicApp.PostAsync("/open311/v2/requests.json", Form("o311-not-a-real-key", fields)), 403);
        await AssertError(civicApp.PostAsync("/open311/v2/requests.xml", Form("o311-not-a-real-key", fields)), 403, xml: true);

        var key = await IssueKeyAsync("将被吊销的应用");
        Assert.Equal(HttpStatusCode.Created, (await civicApp.PostAsync("/open311/v2/requests.json", Form(key, fields))).StatusCode);
        using var office = await app.ApiAs("bangong");
        var id = app.Db(db => db.Open311Clients.Single(c => c.Name == "将被吊销的应用").Id);
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/admin/open311-keys/{id}")).StatusCode);
        await AssertError(civicApp.PostAsync("/open311/v2/requests.json", Form(key, fields)), 403);
        Assert.Equal(before + 1, Filed());

        Assert.Equal(HttpStatusCode.NotFound, (await office.DeleteAsync("/api/admin/open311-keys/999999")).StatusCode);
        var listed = (await office.GetFromJsonAsync<JsonElement>("/api/admin/open311-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetInt32() == id);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Only_office_administrators_issue_keys_and_bad_key_requests_are_refused_in_chinese()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/admin/open311-keys", new { name = "越权应用" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/admin/open311-keys")).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/open311-keys")).StatusCode);

        using var office = await app.ApiAs("admin");
        var response = await office.PostAsJsonAsync("/api/admin/open311-keys", new { name = " ", contact = new string('x', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请填写接入应用的名称", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("contact", out _));

        var issued = await office.PostAsJsonAsync("/api/admin/open311-keys", new { name = "市民通", contact = "王工 0571-88880000" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var apiKey = body.GetProperty("apiKey").GetString()!;
        Assert.Equal("市民通", body.GetProperty("name").GetString());
        // Only the SHA-256 is stored.
        var client = app.Db(db => db.Open311Clients.Single(c => c.Id == body.GetProperty("id").GetInt32()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey))), client.KeyHash);
        Assert.False(app.Db(db => db.Open311Clients.Any(c => c.KeyHash == apiKey || c.KeyPrefix == apiKey)));
    }

    [Fact]
    public async Task The_public_list_shows_open311_and_published_opinions_never_complaints_or_personal_data()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");

        // A portal opinion answered and published with a public wording; one not published; a complaint.
        var published = await FileOpinionAsync(citizen, office, "校门口积水", "育才路小学门口下雨积水，家长李明 13900002222 反映多次。");
        await StepAsync(office, published.Id, "assign", new { departments = new[] { "jyj" } });
        await StepAsync(editor, published.Id, "accept");
        await StepAsync(editor, published.Id, "answer", new { text = "已疏通排水管道。" });
        await StepAsync(reviewer, published.Id, "approve");
        await StepAsync(office, published.Id, "approve");
        await StepAsync(office, published.Id, "publish", new { question = "育才路小学门口下雨积水，请求处理。", answer = "已疏通排水管道。" });
        var hidden = await FileOpinionAsync(citizen, office, "未公开的意见", "这条意见没有公开，不应出现在 Open311 列表中。", consent: false);
        var complaint = await citizen.PostAsJsonAsync("/api/complaints", new
        {
            title = "窗口推诿", content = "办事窗口推诿扯皮。", name = "王五", contact = "13700003333", accusedDepartment = "jyj",
        });
        var complaintCode = (await complaint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var key = await IssueKeyAsync("列表测试应用");
        var viaOpen311 = await FileAsync(citizen, key, ("service_code", "city"), ("description", "幸福路井盖缺失，请联系 13500005555"), ("lat", "30.1"), ("long", "120.2"),
            ("first_name", "赵六"), ("phone", "13600004444"), ("email", "zhao@example.com"));

        var response = await citizen.GetAsync("/open311/v2/requests.json");
        var text = await response.Content.ReadAsStringAsync();
        var all = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        Assert.All(all, r => AssertFields(r, RequestFields));
        var codes = all.Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.Contains(published.TrackingCode, codes);
        Assert.Contains(viaOpen311, codes);
        Assert.DoesNotContain(hidden.TrackingCode, codes);
        Assert.DoesNotContain(complaintCode, codes);
        foreach (var personal in new[] { "张三", "13812345678", "李明", "13900002222", "王五", "赵六", "13600004444", "zhao@example.com", "13500005555" })
            Assert.DoesNotContain(personal, text);

        Assert.StartsWith("幸福路井盖缺失，请联系 135", all.Single(r => r.GetProperty("service_request_id").GetString() == viaOpen311).GetProperty("description").GetString());
        var pub = all.Single(r => r.GetProperty("service_request_id").GetString() == published.TrackingCode);
        Assert.Equal("育才路小学门口下雨积水，请求处理。", pub.GetProperty("description").GetString());
        Assert.Equal("已疏通排水管道。", pub.GetProperty("status_notes").GetString());
        Assert.Equal("closed", pub.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, pub.GetProperty("lat").ValueKind);

        // The XML list says the same, without personal data either.
        var xml = await Xml(citizen, "/open311/v2/requests.xml");
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.All(xml.Root.Elements(), e => { Assert.Equal("request", e.Name.LocalName); AssertFields(e, RequestFields); });
        Assert.Equal(codes, xml.Root.Elements().Select(e => e.Element("service_request_id")!.Value));
        Assert.DoesNotContain("赵六", xml.ToString());

        // Filters: status, service code, ids, dates.
        var closed = Codes(await JsonArray(citizen, "/open311/v2/requests.json?status=closed"));
        Assert.Contains(published.TrackingCode, closed);
        Assert.DoesNotContain(viaOpen311, closed);
        Assert.Contains(viaOpen311, Codes(await JsonArray(citizen, "/open311/v2/requests.json?status=open")));
        var city = await JsonArray(citizen, "/open311/v2/requests.json?service_code=city");
        Assert.All(city, r => Assert.Equal("city", r.GetProperty("service_code").GetString()));
        Assert.Contains(viaOpen311, Codes(city));
        var picked = Codes(await JsonArray(citizen, $"/open311/v2/requests.json?service_request_ids={published.TrackingCode},{viaOpen311},{complaintCode},{hidden.TrackingCode}"));
        Assert.Equal(new[] { published.TrackingCode, viaOpen311 }.Order(), picked.Order());
        var tomorrow = app.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        Assert.Empty(await JsonArray(citizen, $"/open311/v2/requests.json?start_date={Uri.EscapeDataString(tomorrow)}"));
        var lastYear = app.Clock.GetUtcNow().AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        Assert.Empty(await JsonArray(citizen, $"/open311/v2/requests.json?end_date={lastYear}"));
        Assert.Contains(viaOpen311, Codes(await JsonArray(citizen, $"/open311/v2/requests.json?end_date={Uri.EscapeDataString(tomorrow)}")));

        // A complaint is not found one by one either, exactly like a missing request.
        await AssertError(citizen.GetAsync($"/open311/v2/requests/{complaintCode}.json"), 404);
        await AssertError(citizen.GetAsync($"/open311/v2/requests/{hidden.TrackingCode}.xml"), 404, xml: true);
    }

    [Fact]
    public async Task A_retired_topic_is_no_longer_a_service_but_its_requests_stay_listed()
    {
        var key = await IssueKeyAsync("停用类别测试");
        using var client = app.Anonymous();
        var code = await FileAsync(client, key, ("service_code", "market"), ("description", "菜市场缺斤短两"), ("address_string", "农贸市场"));
        using var office = await app.ApiAs("bangong");
        var market = (await office.GetFromJsonAsync<JsonElement>("/api/admin/case-topics")).EnumerateArray().Single(t => t.GetProperty("code").GetString() == "market");
        var retired = await office.PutAsJsonAsync("/api/admin/case-topics/market", new
        {
            name = market.GetProperty("name").GetString(), group = market.GetProperty("group").GetString(),
            description = market.GetProperty("description").GetString(), keywords = market.GetProperty("keywords").GetString(), active = false,
        });
        Assert.True(retired.IsSuccessStatusCode, await retired.Content.ReadAsStringAsync());

        Assert.DoesNotContain("market", Codes(await JsonArray(client, "/open311/v2/services.json"), "service_code"));
        await AssertError(client.GetAsync("/open311/v2/services/market.json"), 404);
        await AssertError(client.PostAsync("/open311/v2/requests.json", Form(key, ("service_code", "market"), ("description", "再报一次"), ("address_string", "农贸市场"))), 400);
        var listed = Assert.Single(await JsonArray(client, "/open311/v2/requests.json?service_code=market"));
        Assert.Equal(code, listed.GetProperty("service_request_id").GetString());
        Assert.Equal(market.GetProperty("name").GetString(), listed.GetProperty("service_name").GetString());
    }

    [Fact]
    public async Task The_discovery_document_points_at_the_v2_endpoint()
    {
        using var client = app.Anonymous();
        var json = await client.GetFromJsonAsync<JsonElement>("/open311/discovery.json");
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(["application/json", "text/xml"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        var xml = await Xml(client, "/open311/discovery.xml");
        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal(["application/json", "text/xml"], xml.Root.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Fact]
    public async Task Bad_input_answers_the_standard_error_format_never_a_server_error()
    {
        using var client = app.Anonymous();
        var key = await IssueKeyAsync("错误测试应用");
        await AssertError(client.GetAsync("/open311/v2/services.csv"), 400);
        await AssertError(client.GetAsync("/open311/v2/requests.json?start_date=yesterday"), 400);
        await AssertError(client.GetAsync("/open311/v2/requests.xml?end_date=2026-13-45"), 400, xml: true);
        await AssertError(client.GetAsync("/open311/v2/requests.json?start_date=2026-10-02&end_date=2026-10-01"), 400);
        await AssertError(client.GetAsync("/open311/v2/requests.json?status=pending"), 400);
        await AssertError(client.GetAsync("/open311/v2/requests.json?service_code=nope"), 400);
        await AssertError(client.GetAsync("/open311/v2/requests/MY2026-NOTHERE.json"), 404);
        await AssertError(client.GetAsync("/open311/v2/tokens/nothere.json"), 404);
        await AssertError(client.GetAsync("/open311/v2/nothing.json"), 404);
        await AssertError(client.DeleteAsync("/open311/v2/services.json"), 405);

        var missing = await AssertError(client.PostAsync("/open311/v2/requests.json", Form(key)), 400);
        Assert.Contains(missing, d => d.StartsWith("service_code", StringComparison.Ordinal));
        Assert.Contains(missing, d => d.StartsWith("description", StringComparison.Ordinal));
        Assert.Contains(missing, d => d.StartsWith("lat/long", StringComparison.Ordinal));
        await AssertError(client.PostAsync("/open311/v2/requests.json", Form(key, ("service_code", "nope"), ("description", "x"), ("address_string", "y"))), 400);
        await AssertError(client.PostAsync("/open311/v2/requests.json", Form(key, ("service_code", "city"), ("description", "x"), ("lat", "30.1"))), 400);
        await AssertError(client.PostAsync("/open311/v2/requests.json", Form(key, ("service_code", "city"), ("description", "x"), ("lat", "north"), ("long", "120"))), 400);
        await AssertError(client.PostAsync("/open311/v2/requests.xml", Form(key, ("service_code", "city"), ("description", "x"), ("address_string", "y"), ("media_url", "javascript:alert(1)"))), 400, xml: true);
        var contact = await AssertError(client.PostAsync("/open311/v2/requests.json", Form(key, ("service_code", "city"), ("description", "x"), ("address_string", "y"), ("phone", "call me"))), 400);
        Assert.Contains(contact, d => d.StartsWith("email/phone", StringComparison.Ordinal));
        await AssertError(client.PostAsync("/open311/v2/requests.json", Form(key, ("service_code", "city"), ("description", new string('长', 4001)), ("address_string", "y"))), 400);
        await AssertError(client.PostAsJsonAsync("/open311/v2/requests.json", new { api_key = key, service_code = "city", description = "x" }), 400);
        Assert.Equal(0, app.Db(db => db.Cases.Count(c => c.Channel == CaseChannel.Open311 && c.Content == "x")));

        // Script in the description is kept as text and comes back escaped as data, never run.
        var code = await FileAsync(client, key, ("service_code", "city"), ("description", "<script>alert(1)</script>"), ("address_string", "幸福路"));
        var xml = await Xml(client, $"/open311/v2/requests/{code}.xml");
        Assert.Equal("<script>alert(1)</script>", xml.Root!.Element("request")!.Element("description")!.Value);
    }

    [Fact]
    public async Task The_back_office_page_issues_a_key_once_and_revokes_it_after_confirmation()
    {
        using var office = await app.SignedInAsync("bangong");
        var page = await office.GetStringAsync("/admin/open311");
        Assert.Contains("Open311 接入密钥", page);

        var empty = await office.PostFormAsync("/admin/open311?handler=Issue", [new("name", "")], "/admin/open311");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写接入应用的名称", await empty.Content.ReadAsStringAsync());

        var issued = await office.PostFormAsync("/admin/open311?handler=Issue", [new("name", "页面签发应用"), new("contact", "李工")], "/admin/open311");
        var html = await issued.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "value=\"(o311-[a-z0-9]+)\"").Groups[1].Value;
        Assert.StartsWith("o311-", key);
        using var civicApp = app.Anonymous();
        await FileAsync(civicApp, key, ("service_code", "city"), ("description", "页面签发的密钥可以提交"), ("address_string", "幸福路"));
        // Shown once: the list shows the prefix only.
        var list = await office.GetStringAsync("/admin/open311");
        Assert.DoesNotContain(key, list);
        Assert.Contains(key[..10], list);

        var id = app.Db(db => db.Open311Clients.Single(c => c.Name == "页面签发应用").Id);
        var confirm = await office.GetStringAsync($"/admin/open311?revoke={id}");
        Assert.Contains("我已确认吊销该密钥", confirm);
        var unconfirmed = await office.PostFormAsync($"/admin/open311?handler=Revoke&id={id}", [], $"/admin/open311?revoke={id}");
        Assert.Contains("请勾选确认后再吊销", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Null(app.Db(db => db.Open311Clients.Single(c => c.Id == id).RevokedAt));
        var revoked = await office.PostFormAsync($"/admin/open311?handler=Revoke&id={id}", [new("confirm", "true")], $"/admin/open311?revoke={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await AssertError(civicApp.PostAsync("/open311/v2/requests.json", Form(key, ("service_code", "city"), ("description", "吊销后"), ("address_string", "幸福路"))), 403);
        // The write is in the audit log, by whom.
        Assert.True(app.Db(db => db.AuditEntries.Any(a => a.EntityType.Contains("Open311Client") && a.ActorName == "bangong")));

        using var editor = await app.SignedInAsync("xinxiyuan");
        var refused = await editor.GetAsync("/admin/open311");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    private async Task<string> IssueKeyAsync(string name)
    {
        using var office = await app.ApiAs("bangong");
        var response = await office.PostAsJsonAsync("/api/admin/open311-keys", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
    }

    internal static FormUrlEncodedContent Form(string? key, params (string Name, string Value)[] fields) =>
        new((key is null ? fields : fields.Prepend((Name: "api_key", Value: key))).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Files through Open311 and returns the service_request_id.</summary>
    internal static async Task<string> FileAsync(HttpClient client, string key, params (string Name, string Value)[] fields)
    {
        var response = await client.PostAsync("/open311/v2/requests.json", Form(key, fields));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private static List<string?> Codes(List<JsonElement> records, string field = "service_request_id") => records.Select(r => r.GetProperty(field).GetString()).ToList();

    internal static async Task<List<JsonElement>> JsonArray(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    internal static async Task<XDocument> Xml(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        return XDocument.Parse(text);
    }

    internal static void AssertFields(JsonElement record, string[] fields) =>
        Assert.Equal(fields, record.EnumerateObject().Select(p => p.Name).ToArray());

    internal static void AssertFields(XElement record, string[] fields) =>
        Assert.Equal(fields, record.Elements().Select(e => e.Name.LocalName).ToArray());

    /// <summary>Checks the standard's error format (JSON [{code, description}] or XML errors/error) and returns the descriptions.</summary>
    internal static async Task<List<string>> AssertError(Task<HttpResponseMessage> call, int status, bool xml = false)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        List<(string Code, string Description)> errors;
        if (xml)
        {
            var doc = XDocument.Parse(text);
            Assert.Equal("errors", doc.Root!.Name.LocalName);
            Assert.All(doc.Root.Elements(), e => { Assert.Equal("error", e.Name.LocalName); AssertFields(e, ErrorFields); });
            errors = doc.Root.Elements().Select(e => (e.Element("code")!.Value, e.Element("description")!.Value)).ToList();
        }
        else
        {
            var array = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
            Assert.All(array, e => AssertFields(e, ErrorFields));
            errors = array.Select(e => (e.GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetProperty("description").GetString()!)).ToList();
        }
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Code);
            Assert.Contains(e.Description, c => c >= 0x4E00 && c <= 0x9FFF); // in Chinese
        });
        return errors.Select(e => e.Description).ToList();
    }
}

/// <summary>Two filings an hour per address, so the third meets the shared limit.</summary>
public sealed class Open311LimitFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:PublicVoice:SubmissionsPerHour", "2"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
    ];
}

public sealed class Open311LimitTests(Open311LimitFactory app) : IClassFixture<Open311LimitFactory>
{
    [Fact]
    public async Task Filing_shares_the_per_address_limit_and_answers_429_in_the_error_format()
    {
        using var office = await app.ApiAs("bangong");
        var key = (await (await office.PostAsJsonAsync("/api/admin/open311-keys", new { name = "限流测试" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        using var client = app.Anonymous();
        // One on the portal and one through Open311 use up the hour: the window is shared.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/opinions", new { title = "门前路灯", content = "路灯坏了" })).StatusCode);
        await Open311Tests.FileAsync(client, key, ("service_code", "city"), ("description", "井盖缺失"), ("address_string", "幸福路"));
        var descriptions = await Open311Tests.AssertError(client.PostAsync("/open311/v2/requests.xml",
            Open311Tests.Form(key, ("service_code", "city"), ("description", "第三件"), ("address_string", "幸福路"))), 429, xml: true);
        Assert.Single(descriptions);
        // Reading is not limited by filing.
        Assert.NotEmpty(await Open311Tests.JsonArray(client, "/open311/v2/services.json"));
    }
}

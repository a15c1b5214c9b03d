using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Tests.Catalogue.Oversight;

/// <summary>Drafting and publishing through the API, and reading the oversight pages.</summary>
internal static class OversightTestKit
{
    public static object Draft(string title, string department, string writtenOn, string category = "a20-01") =>
        new { title, department, writtenOn, category, body = "<p>" + title + "。</p>" };

    public static async Task<long> CreateAsync(HttpClient writer, object draft)
    {
        var response = await writer.PostAsJsonAsync("/api/items", draft);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task SubmitAsync(HttpClient writer, long id) =>
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync($"/api/items/{id}/submit", null)).StatusCode);

    /// <summary>Approves (publishing now, or at <paramref name="publishAt"/>) and returns the answer.</summary>
    public static async Task<JsonElement> ApproveAsync(HttpClient reviewer, long id, DateTime? publishAt = null)
    {
        var response = await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { publishAt });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<long> PublishAsync(HttpClient office, object draft)
    {
        var id = await CreateAsync(office, draft);
        await SubmitAsync(office, id);
        Assert.Equal("Published", (await ApproveAsync(office, id)).GetProperty("state").GetString());
        return id;
    }

    public static async Task<IDocument> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {response.Headers.Location}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The status cell of a column's row on a department's oversight page.</summary>
    public static string ColumnStatus(IDocument page, string code)
    {
        var row = page.QuerySelectorAll("tr").SingleOrDefault(r => r.QuerySelector("th")?.TextContent.Contains($"({code})", StringComparison.Ordinal) == true);
        Assert.True(row is not null, $"no row for column {code}");
        var cells = row.QuerySelectorAll("td");
        return cells[^1].TextContent.Trim();
    }

    /// <summary>The cells of a department's row on the overview (机构, 类型, 应公开栏目, 空白, 未更新, 超期, 已超期未发布).</summary>
    public static string[] OverviewRow(IDocument page, string departmentCode)
    {
        var link = page.QuerySelector($"table a[href='/admin/oversight/{departmentCode}']");
        Assert.True(link is not null, $"no row for {departmentCode}");
        return link.Closest("tr")!.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();
    }

    /// <summary>A refused page: 403, or the redirect to the "no permission" page.</summary>
    public static void AssertDenied(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)),
            $"expected a refusal, got {response.StatusCode} {response.Headers.Location}");
    }

    public static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

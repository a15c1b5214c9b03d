using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Applications;

namespace Gongkai.Tests.AnnualReports;

/// <summary>The public report route: shape of the JSON, formats by year, and refusals in Chinese.</summary>
public sealed class AnnualReportApiTests(ApplicationsFactory app) : IClassFixture<ApplicationsFactory>
{
    [Theory]
    [InlineData(2025, "2021", 25)]
    [InlineData(2020, "2019", 23)]
    [InlineData(2012, "2008", 10)]
    public async Task A_report_has_the_format_of_its_year(int year, string format, int rows)
    {
        using var client = app.Anonymous();
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/reports/annual/{year}?body=gov");
        Assert.Equal(year, report.GetProperty("year").GetInt32());
        Assert.Equal("gov", report.GetProperty("body").GetString());
        Assert.Equal(format, report.GetProperty("format").GetString());
        var applications = report.GetProperty("tables").GetProperty("applications");
        Assert.Equal(7, applications.GetProperty("columns").GetArrayLength());
        Assert.Equal(rows, applications.GetProperty("rows").GetArrayLength());
        Assert.All(applications.GetProperty("rows").EnumerateArray(), r => Assert.Equal(7, r.GetProperty("values").GetArrayLength()));
        var review = report.GetProperty("tables").GetProperty("reviewLitigation");
        Assert.Equal((15, 15), (review.GetProperty("columns").GetArrayLength(), review.GetProperty("values").GetArrayLength()));
        Assert.NotEmpty(report.GetProperty("sections").EnumerateArray());
        Assert.NotEmpty(report.GetProperty("checks").EnumerateArray());
        if (format == "2021")
        {
            var labels = applications.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString()).ToList();
            Assert.Equal("一、本年新收政府信息公开申请数量", labels[0]);
            Assert.Equal("四、结转下年度继续办理", labels[^1]);
        }
    }

    [Theory]
    [InlineData("/api/reports/annual/2025?body=nosuch", "nosuch")]
    [InlineData("/api/reports/annual/2007?body=gov", "2008")]
    [InlineData("/api/reports/annual/2999?body=jyj", "2999")]
    public async Task An_unknown_body_or_year_is_a_chinese_404(string url, string mentioned)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString());
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/reports/annual/2025")]
    [InlineData("/api/reports/annual/abc?body=gov")]
    public async Task Bad_input_is_not_a_500(string url)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
    }
}

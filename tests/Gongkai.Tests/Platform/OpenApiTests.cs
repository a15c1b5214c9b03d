using System.Net;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform;

public sealed class OpenApiTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task The_openapi_document_lists_the_public_contract_and_the_reference_page_is_served_locally()
    {
        using var client = app.Anonymous();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/departments", "/api/auth/token", "/api/calendar/deadline", "/api/audit/verify" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");

        var page = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/v1.json", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task Unknown_api_routes_are_problem_details_and_unknown_pages_a_chinese_404()
    {
        using var client = app.Anonymous();
        var api = await client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var page = await client.GetAsync("/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("您访问的页面不存在", await page.Content.ReadAsStringAsync());
        // A POST whose form has a field named "code" still gets the page for the real status.
        var posted = await client.PostAsync("/nothing-here", new FormUrlEncodedContent([new("code", "YS2026-ABC")]));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("您访问的页面不存在", await posted.Content.ReadAsStringAsync());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Operations;

public sealed class HealthTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Healthz_is_liveness_and_readyz_checks_database_schema_and_index()
    {
        using var client = app.Anonymous();
        var live = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var body = JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("index").GetProperty("status").GetString());
        Assert.False(body.GetProperty("checks").TryGetProperty("database", out _));

        // The index is built in the background after start: ready once it has caught up.
        JsonElement ready = default;
        HttpStatusCode status = default;
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var response = await client.GetAsync("/readyz");
            status = response.StatusCode;
            ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (status == HttpStatusCode.OK) break;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        }
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var check in new[] { "database", "migrations", "searchIndex", "index" })
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_are_in_the_prometheus_text_format_with_routes_queue_lag_and_overdue_cases()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/items/987654321")).StatusCode);
        using (var odd = new HttpRequestMessage(new HttpMethod("BREW"), "/no-such-page-4711")) await client.SendAsync(odd);

        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE gongkai_http_requests_total counter", text);
        // Route templates, never raw paths: one series for every item id.
        Assert.Contains("gongkai_http_requests_total{route=\"/api/items/{id:long}\",method=\"GET\",status=\"404\"} ", text);
        Assert.DoesNotContain("987654321", text);
        Assert.DoesNotContain("BREW", text);
        Assert.DoesNotContain("4711", text);
        Assert.Contains("gongkai_http_requests_total{route=\"(unmatched)\",method=\"OTHER\",status=\"", text);
        Assert.Contains("# TYPE gongkai_http_request_duration_seconds histogram", text);
        Assert.Contains("gongkai_http_request_duration_seconds_bucket{route=\"/\",le=\"+Inf\"} ", text);
        Assert.Contains("gongkai_database_up 1", text);
        foreach (var gauge in new[] { "gongkai_search_index_lag_entries", "gongkai_notifications_queued", "gongkai_applications_overdue", "process_resident_memory_bytes" })
            Assert.Matches($"(?m)^{gauge} \\d+$", text);

        // Every line is a comment or "series value": what a Prometheus scraper accepts.
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.Matches("^(# (HELP|TYPE) \\w+ .+|[a-z_]+(\\{([a-z_]+=\"([^\"\\\\]|\\\\.)*\",?)*\\})? [0-9.eE+-]+)$", line);
    }

    [Fact]
    public async Task A_request_id_is_echoed_and_is_the_problem_trace_id()
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/987654322");
        request.Headers.Add("X-Request-Id", "nginx-7f3a9c");
        var response = await client.SendAsync(request);
        Assert.Equal("nginx-7f3a9c", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nginx-7f3a9c", problem.GetProperty("traceId").GetString());

        // Without one the server makes its own, different for each request.
        var first = (await client.GetAsync("/healthz")).Headers.GetValues("X-Request-Id").Single();
        var second = (await client.GetAsync("/healthz")).Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual(first, second);
    }
}

public sealed class UnreachableDatabaseHealthTests(UnreachableDatabaseHealthTests.Factory app)
    : IClassFixture<UnreachableDatabaseHealthTests.Factory>
{
    /// <summary>The server starts (no migration at startup) on a database it cannot reach.</summary>
    public sealed class Factory : GongkaiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings
        {
            get
            {
                yield return new("Gongkai:MigrateAtStartup", "false");
                if (Database.IsPostgres)
                {
                    yield return new("ConnectionStrings:Gongkai", $"Host=127.0.0.1;Port={ClosedPort()};Username=gk;Password=x;Database=gk;Timeout=3");
                }
                else
                {
                    var notAFolder = Path.Combine(DataPath, "not-a-folder");
                    File.WriteAllText(notAFolder, "a file where the database folder should be");
                    yield return new("ConnectionStrings:Gongkai", $"Data Source={Path.Combine(notAFolder, "gongkai.db")}");
                }
            }
        }

        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
        }
    }

    [Fact]
    public async Task Readyz_is_503_while_healthz_stays_200_when_the_database_is_unreachable()
    {
        using var client = app.Anonymous();
        // Liveness: restarting the process would not bring the database back.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.StartsWith("数据库无法连接", database.GetProperty("description").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("index").GetProperty("status").GetString());

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("gongkai_database_up 0", metrics);
    }
}

/// <summary>An instance started before `migrate` ran is alive but not ready.</summary>
public sealed class PendingMigrationsHealthTests(PendingMigrationsHealthTests.Factory app)
    : IClassFixture<PendingMigrationsHealthTests.Factory>
{
    public sealed class Factory : GongkaiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Gongkai:MigrateAtStartup", "false")];
    }

    [Fact]
    public async Task Readyz_is_503_until_migrations_have_run()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var migrations = body.GetProperty("checks").GetProperty("migrations");
        Assert.Equal("Unhealthy", migrations.GetProperty("status").GetString());
        Assert.Contains("migrate", migrations.GetProperty("description").GetString());

        await Gongkai.Data.DatabaseSetup.MigrateAsync(app.Services);
        var after = JsonDocument.Parse(await (await client.GetAsync("/readyz")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", after.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());
    }
}

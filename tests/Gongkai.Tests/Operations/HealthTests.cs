using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Operations;

public sealed class HealthTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Healthz_is_200_and_healthy_when_database_and_index_are_reachable()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("index").GetProperty("status").GetString());
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
    public async Task Healthz_is_503_and_unhealthy_when_the_database_is_unreachable()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.StartsWith("数据库无法连接", database.GetProperty("description").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("index").GetProperty("status").GetString());
    }
}

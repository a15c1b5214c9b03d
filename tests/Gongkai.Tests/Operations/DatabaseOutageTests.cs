using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using Npgsql;

namespace Gongkai.Tests.Operations;

/// <summary>
/// PostgreSQL stopped under a running instance and started again: requests answer 503 with a
/// Chinese message (a page or ProblemDetails, never a 500), and the same instance serves again
/// once the server is back, without a restart. The test runs its own throwaway server
/// (scripts/pg-throwaway) so that stopping it disturbs no other test, whatever the provider under test.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"gk-outage-{Guid.NewGuid():N}.env");
    private Dictionary<string, string> _env = [];

    private static string Repo
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public async Task InitializeAsync()
    {
        await RunAsync(Path.Combine(Repo, "scripts", "pg-throwaway"), "start", _state);
        _env = File.ReadAllLines(_state).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Replace("\\;", ";", StringComparison.Ordinal));
    }

    public Task DisposeAsync() => RunAsync(Path.Combine(Repo, "scripts", "pg-throwaway"), "stop", _state);

    private sealed class OutageFactory(string connectionString) : GongkaiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Gongkai:Database:Provider", "PostgreSQL"),
            new("ConnectionStrings:Gongkai", connectionString),
            new("Gongkai:Applications:SubmissionsPerHour", "1000"),
            new("Gongkai:ItemPageCacheSeconds", "0"),
        ];
    }

    [Fact]
    public async Task Requests_answer_503_in_Chinese_while_PostgreSQL_is_down_and_recover_when_it_is_back()
    {
        var admin = _env["GONGKAI_TEST_POSTGRES"];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE gk_outage TEMPLATE template0 ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = "gk_outage", Timeout = 3, CommandTimeout = 10 }.ToString();
        await using var app = new OutageFactory(connectionString);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var client = app.Anonymous();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/items")).StatusCode);

            await PgCtlAsync("-m", "fast", "-w", "stop");

            var page = await client.GetAsync("/items");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("暂时", await page.Content.ReadAsStringAsync());
            // (Search answers from this instance's index, which needs no database: /api/items/{id} reads it.)
            var api = await client.GetAsync("/api/items/1");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("服务暂时不可用", problem.GetProperty("title").GetString());
            var filed = await client.PostAsJsonAsync("/api/applications", new
            {
                applicantType = "natural-person", name = "钱七", idNumber = "110101198807086666", contact = "13698765432",
                description = "数据库停机期间提交的申请", department = "jyj", deliveryForm = "电子邮件发送",
            });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, filed.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

            await PgCtlAsync("-l", Path.Combine(_env["PG_THROWAWAY_DIR"], "postgres.log"), "-o", $"-p {_env["PG_THROWAWAY_PORT"]}", "-w", "-t", "60", "start");

            // The pool drops the dead connections on first use: a few requests may still fail, cleanly.
            var recovered = Stopwatch.StartNew();
            HttpStatusCode status;
            do
            {
                status = (await client.GetAsync("/items")).StatusCode;
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"got {(int)status} while recovering");
                if (status != HttpStatusCode.OK) await Task.Delay(200);
            } while (status != HttpStatusCode.OK && recovered.Elapsed < TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/items/1")).StatusCode);
            filed = await client.PostAsJsonAsync("/api/applications", new
            {
                applicantType = "natural-person", name = "钱七", idNumber = "110101198807086666", contact = "13698765432",
                description = "数据库恢复之后提交的申请", department = "jyj", deliveryForm = "电子邮件发送",
            });
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private Task PgCtlAsync(params string[] args)
    {
        var pgCtl = Path.Combine(Environment.GetEnvironmentVariable("GONGKAI_PG_BIN") ?? "/usr/lib/postgresql/15/bin", "pg_ctl");
        var all = new List<string> { pgCtl, "-D", Path.Combine(_env["PG_THROWAWAY_DIR"], "data") };
        all.AddRange(args);
        // initdb and pg_ctl refuse root: run as the cluster's owner, as scripts/pg-throwaway does.
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", .. all])
            : RunAsync(all[0], [.. all.Skip(1)]);
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stdout} {await stderr}");
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongkai.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// Gongkai through the front door on a real database: a fresh SQLite file in a temp folder, or a
/// fresh database on the throwaway PostgreSQL server that scripts/test starts
/// (GONGKAI_TEST_PROVIDER=PostgreSQL, GONGKAI_TEST_POSTGRES=admin connection string).
/// Each factory has its own database, data folder and clock.
/// </summary>
public class GongkaiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "AdminPass2026x";
    public const string DemoPassword = "DemoPass2026x";

    public TestDatabase Database { get; } = TestDatabase.Create();
    public string DataPath { get; } = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
    /// <summary>Starts at the real time; tests move it forward.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual int TokenRequestsPerMinute => 10_000;

    /// <summary>Extra settings a test class needs (e.g. SMTP).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Gongkai:DataPath", DataPath);
        builder.UseSetting("Gongkai:Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Gongkai", Database.ConnectionString);
        builder.UseSetting("Gongkai:Demo", "true");
        builder.UseSetting("Gongkai:DemoPassword", DemoPassword);
        builder.UseSetting("GONGKAI_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Gongkai:TokenRequestsPerMinute", TokenRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in ExtraSettings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    public Task InitializeAsync()
    {
        _ = Server; // start the host: migrations and seeding run now
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DropAsync();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A scope for arranging and asserting on the database directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public T Db<T>(Func<GongkaiDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<string> TokenAsync(string userName, string? password = null)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = password ?? PasswordOf(userName) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.Token;
    }

    /// <summary>A client that calls the API as a staff member, with a bearer token.</summary>
    public async Task<HttpClient> ApiAs(string userName, string? password = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, password));
        return client;
    }

    public static string PasswordOf(string userName) => userName == "admin" ? AdminPassword : DemoPassword;

    private sealed record TokenBody(string Token, DateTime ExpiresAt);
}

/// <summary>The database a factory runs on.</summary>
public sealed class TestDatabase
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _adminConnection;
    private readonly string? _name;

    private TestDatabase(string provider, string connectionString, string? adminConnection, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _name = name;
    }

    public static string CurrentProvider =>
        Environment.GetEnvironmentVariable("GONGKAI_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public bool IsPostgres => Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public static TestDatabase Create()
    {
        if (!CurrentProvider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            return new TestDatabase("Sqlite", "", null, null); // the default file under the data folder

        var admin = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
            ?? throw new InvalidOperationException("GONGKAI_TEST_PROVIDER=PostgreSQL needs GONGKAI_TEST_POSTGRES (scripts/test sets it).");
        var name = "gk_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            command.ExecuteNonQuery();
        }
        // Generous connect and command timeouts: on a loaded 2-core machine (CI, or engineers building
        // beside the run) a new backend can take longer than Npgsql's 15 s default to start.
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Timeout = 60, CommandTimeout = 120 };
        return new TestDatabase("PostgreSQL", builder.ToString(), admin, name);
    }

    public async Task DropAsync()
    {
        if (_adminConnection is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

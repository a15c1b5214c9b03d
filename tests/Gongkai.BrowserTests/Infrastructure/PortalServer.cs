using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>
/// Gongkai on real Kestrel (127.0.0.1, a free port) with a fresh SQLite file in a temp data folder,
/// plus one headless Debian Chromium driven by Playwright. Shared by the "portal" collection;
/// each test takes a fresh browser context from <see cref="NewContextAsync"/>.
/// </summary>
public sealed class PortalServer : IAsyncLifetime, IDisposable
{
    public const string AdminPassword = "AdminPass2026x";
    public const string DemoPassword = "DemoPass2026x";

    /// <summary>Never `playwright install`: the browser is Debian's chromium (scripts/test installs it).</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("GONGKAI_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private Factory? _factory; // created in InitializeAsync, disposed in DisposeAsync
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The portal's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public string DataPath => _factory?.DataPath ?? "";

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string ArtifactsPath { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("PortalServer is not initialised.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath} (GONGKAI_CHROMIUM). The browser tests use Debian's chromium: " +
                "run scripts/test (it installs it) or `apt-get install -y chromium`. Do not run `playwright install`.");

        _factory = new Factory();
        _factory.UseKestrel(); // on the "urls" below: 127.0.0.1, a free port
        _factory.StartServer(); // migrations and seeding run now
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        BaseUrl = addresses?.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))?.TrimEnd('/')
            ?? throw new InvalidOperationException(
                "Kestrel reported no 127.0.0.1 address: " + string.Join(", ", addresses ?? []));

        // Expect(...) waits up to 5 s by default: too short on a busy two-core machine, where an
        // upload with text extraction or a first page compile can take longer. Waits end on the condition.
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ArtifactsPath);
        foreach (var old in Directory.EnumerateFiles(ArtifactsPath, "*.png")) File.Delete(old); // no stale pictures
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh context (own cookies and storage) for one test; dispose it at the end.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScriptEnabled,
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
        if (_factory is not { } factory) return;
        _factory = null;
        await factory.DisposeAsync();
        try { Directory.Delete(factory.DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Only a fallback: xunit calls <see cref="DisposeAsync"/> first, which leaves nothing here.</summary>
    public void Dispose()
    {
        _playwright?.Dispose();
        _factory?.Dispose();
        _factory = null;
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        public string DataPath { get; } = Directory.CreateTempSubdirectory("gongkai-browser-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Real Kestrel (UseKestrel in InitializeAsync) on loopback with a port the OS picks;
            // without "urls" the app would take its default 127.0.0.1:5080.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Gongkai:DataPath", DataPath);
            builder.UseSetting("Gongkai:Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Gongkai", "");
            builder.UseSetting("Gongkai:Demo", "true");
            builder.UseSetting("Gongkai:DemoPassword", DemoPassword);
            builder.UseSetting("GONGKAI_ADMIN_PASSWORD", AdminPassword);
            builder.UseSetting("Gongkai:Notifications:Enabled", "false");
            builder.UseSetting("Logging:Console:FormatterName", "simple");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "portal";
}

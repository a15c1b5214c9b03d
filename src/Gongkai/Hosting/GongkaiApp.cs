using Gongkai.Features.PublicVoice;
using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Features.AnnualReports;
using Gongkai.Features.AnnualReports.Documents;
using Gongkai.Features.AnnualReports.Lint;
using Gongkai.Features.Applications;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Audit;
using Gongkai.Features.Calendar;
using Gongkai.Features.Catalogue;
using Gongkai.Features.Documents;
using Gongkai.Features.Search;
using Gongkai.Features.Demo;
using Gongkai.Features.Notifications;
using Gongkai.Features.Operations;
using Gongkai.Features.Organisation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Scalar.AspNetCore;

namespace Gongkai.Hosting;

/// <summary>Program.cs stays thin: each capability adds its services and maps its routes here.</summary>
public static class GongkaiApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static void AddGongkai(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<GongkaiOptions>(builder.Configuration.GetSection(GongkaiOptions.Section));

        // The portal listens on loopback unless told otherwise (--urls, ASPNETCORE_URLS or Urls).
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["Kestrel:Endpoints:Http:Url"]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        // No "Server: Kestrel" on every response: it tells an attacker what runs here and costs bytes.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        // Razor would otherwise write every Chinese character as &#x...; (unreadable source, triple size).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddGongkaiProblemDetails();
        builder.AddGongkaiDatabase();
        builder.Services.AddDataProtection()
            .SetApplicationName("Gongkai")
            .PersistKeysToDbContext<GongkaiDbContext>();
        builder.AddAccounts();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "gongkai.af");
        builder.Services.AddOptions<AntiforgeryOptions>().Configure<IOptions<GongkaiOptions>>((o, g) =>
            o.Cookie.SecurePolicy = g.Value.RequireHttpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.Add(new StaffPagesConvention());
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Gongkai 政务公开平台 API";
            doc.Info.Description = "公开接口无需登录；工作人员接口需先调用 POST /api/auth/token 取得令牌，再以 Authorization: Bearer <token> 调用。错误以 ProblemDetails 返回。";
            return Task.CompletedTask;
        }));

        builder.AddOrganisation();
        builder.AddCalendar();
        builder.AddCatalogue();
        builder.AddApplications();
        builder.AddApplicationPages();
        builder.AddAnnualReports();
        builder.AddSearch();
        builder.AddNotifications();
        builder.AddDocuments();
        builder.AddReportLint();
        builder.AddPublicVoice();
        builder.AddOperations();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<AuditChainVerifier>();
    }

    public static void UseGongkai(this WebApplication app)
    {
        // Outermost: the request id is on every response, error pages included, and /metrics counts what the client got.
        app.UseMiddleware<Features.Operations.RequestTelemetry>();
        app.UseExceptionHandler();
        // Warm public item pages are answered here, before the rest of the pipeline.
        app.UseMiddleware<Features.Catalogue.ItemPageCacheMiddleware>();
        // Empty error responses get a body: ProblemDetails for the API, the Chinese error page for pages.
        app.UseWhen(ctx => IsApi(ctx.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        // Started from another folder than the app's: serve the wwwroot shipped beside the binaries.
        var shippedWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(app.Environment.WebRootPath) && Directory.Exists(shippedWebRoot))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(shippedWebRoot) });
        app.UseRouting();
        app.Use(Features.Operations.RequestTelemetry.RememberEndpoint);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Gongkai API 参考").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapRazorPages();
        app.MapAccountsApi();
        app.MapOrganisationApi();
        app.MapCalendarApi();
        app.MapAuditApi();
        app.MapCatalogue();
        app.MapApplications();
        app.MapAnnualReports();
        app.MapAnnualReportFiles();
        app.MapItemsSearchApi();
        app.MapReportLintApi();
        app.MapPublicVoice();
        app.MapOperations();
    }

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/open311") || path.StartsWithSegments("/openapi");

    /// <summary>Creates the data folder, migrates, seeds the first accounts and the demo district.</summary>
    public static async Task PrepareAsync(this WebApplication app, bool runningAsServer)
    {
        var options = app.Services.GetRequiredService<IOptions<GongkaiOptions>>().Value;
        _ = app.Services.GetRequiredService<DatabaseInfo>(); // validates provider and connection string
        // Both providers keep files, the search index and the data-folder lock under DataPath.
        DatabaseSetup.PrepareDataFolder(options);
        // Before migrating: a server started while a restore runs must not touch the half-restored data.
        if (runningAsServer) app.Services.GetRequiredService<ServerDataFolderLock>().Acquire();
        if (!runningAsServer || !options.MigrateAtStartup) return;

        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var banner = new List<string>();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(banner);
        await scope.ServiceProvider.GetRequiredService<CatalogueSeeder>().SeedAsync();
        if (options.Demo) await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(banner);
        await scope.ServiceProvider.GetRequiredService<CaseTopicSeeder>().SeedAsync();
        StartupBanner.Print(app, options, banner);
    }
}

using System.Threading.RateLimiting;
using Gongkai.Features.Applications.Letters;
using Gongkai.Features.Applications.Import;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications;

public static class ApplicationsSetup
{
    public const string SubmitLimit = "application-submit";
    public const string LookupLimit = "application-lookup";

    public static void AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApplicationOptions>().Bind(builder.Configuration.GetSection(ApplicationOptions.Section));
        builder.Services.AddScoped<ApplicationWorkflow>();
        builder.Services.AddSingleton<ApplicantProtector>();
        builder.AddReplyLetters();
        builder.Services.AddSingleton<ApplicationLapseService>();
        builder.AddApplicationImport();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApplicationLapseService>());
        // Per client address, like the token endpoint's limit: the form and the tracking page need no account.
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SubmitLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<ApplicationOptions>>().Value.SubmissionsPerHour,
                    Window = TimeSpan.FromHours(1),
                }));
            o.AddPolicy(LookupLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<ApplicationOptions>>().Value.LookupsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
    }

    public static void MapApplications(this IEndpointRouteBuilder app)
    {
        app.MapApplicationsApi();
        app.MapApplicationsAdminApi();
        app.MapRemedyCasesApi();
        app.MapReplyLettersApi();
        app.MapApplicationImportApi();
    }
}

using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Applications.Pages;

/// <summary>The portal and back-office pages of 依申请公开, the reminders and the place for reply letters.</summary>
public static class ApplicationPagesSetup
{
    /// <summary>The form's submission (POST /apply): as many per address and hour as the API allows.</summary>
    public const string SubmitPagePolicy = "application-page-submit";

    /// <summary>Look-ups on the tracking page (POST /apply/track), against guessing access keys.</summary>
    public const string TrackPagePolicy = "application-page-track";

    public static void AddApplicationPages(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PublishedSuggestions>();
        services.AddOptions<ApplicationReminderOptions>().Bind(builder.Configuration.GetSection(ApplicationReminderOptions.Section));
        services.AddSingleton<ApplicationReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationReminderService>());

        // The pages share their endpoint between GET (reading the form) and POST: only the posts count.
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SubmitPagePolicy, ctx => IsPost(ctx) && !ctx.Request.Query.ContainsKey("handler")
                ? Window(ctx, "submit", o => o.SubmissionsPerHour, TimeSpan.FromHours(1))
                : RateLimitPartition.GetNoLimiter("free"));
            o.AddPolicy(TrackPagePolicy, ctx => IsPost(ctx)
                ? Window(ctx, "track", o => o.LookupsPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("free"));
        });
    }

    private static bool IsPost(HttpContext ctx) => HttpMethods.IsPost(ctx.Request.Method);

    private static RateLimitPartition<string> Window(HttpContext ctx, string what, Func<ApplicationOptions, int> limit, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            what + ":" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit(ctx.RequestServices.GetRequiredService<IOptions<ApplicationOptions>>().Value),
                Window = window,
            });
}

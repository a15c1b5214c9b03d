using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.PublicVoice;

/// <summary>Limits of the public forms and API, per client address.</summary>
public sealed class PublicVoiceOptions
{
    public const string Section = "Gongkai:PublicVoice";

    /// <summary>Opinions and complaints one address may file per hour (the form and the API together).</summary>
    public int SubmissionsPerHour { get; set; } = 10;

    /// <summary>Tracking look-ups, ratings and reopenings per address and minute, against guessing access keys.</summary>
    public int LookupsPerMinute { get; set; } = 30;

    /// <summary>Largest attachment (citizens' and staff's), 10 MB by default.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files a citizen may attach to one case.</summary>
    public int MaxCitizenAttachments { get; set; } = 5;
}

public static class CaseEngineSetup
{
    public const string SubmitLimit = "case-submit";
    public const string LookupLimit = "case-lookup";

    public static void AddCaseEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicVoiceOptions>().Bind(builder.Configuration.GetSection(PublicVoiceOptions.Section));
        builder.Services.AddScoped<CaseWorkflow>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<CaseTopicSeeder>();
        builder.Services.AddScoped<CaseAttachments>();
        builder.Services.AddRateLimiter(o =>
        {
            // One window per address shared by every way of filing (form, API, Open311): a flood is a flood.
            o.AddPolicy(SubmitLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("case-submit:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Options(ctx).SubmissionsPerHour, Window = TimeSpan.FromHours(1) })
                : RateLimitPartition.GetNoLimiter("free"));
            o.AddPolicy(LookupLimit, ctx => RateLimitPartition.GetFixedWindowLimiter("case-lookup:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Options(ctx).LookupsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    private static PublicVoiceOptions Options(HttpContext ctx) => ctx.RequestServices.GetRequiredService<IOptions<PublicVoiceOptions>>().Value;

    public static void MapCaseEngine(this IEndpointRouteBuilder app)
    {
        app.MapCasesApi();
        app.MapCasesAdminApi();
        app.MapCaseAttachmentsApi();
    }
}

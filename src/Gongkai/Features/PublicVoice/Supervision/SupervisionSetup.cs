using Gongkai.Features.PublicVoice.Statistics;

namespace Gongkai.Features.PublicVoice.Supervision;

/// <summary>督办 and statistics: the figures (API and pages), the settings per kind, the reminder and escalation service.</summary>
public static class SupervisionSetup
{
    public static void AddCaseSupervision(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CaseStatistics>();
        services.AddScoped<CaseSettings>();
        services.AddOptions<SupervisionOptions>().Bind(builder.Configuration.GetSection(SupervisionOptions.Section));
        services.AddSingleton<CaseSupervisionService>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseSupervisionService>());
    }

    public static void MapCaseSupervision(this IEndpointRouteBuilder app)
    {
        app.MapCaseStatsApi();
        app.MapCaseSettingsApi();
    }
}

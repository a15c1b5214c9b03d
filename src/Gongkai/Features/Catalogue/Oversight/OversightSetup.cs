using Gongkai.Features.Catalogue.Oversight.Import;

namespace Gongkai.Features.Catalogue.Oversight;

/// <summary>Completeness and timeliness checks, scheduled publication, bulk import.</summary>
public static class OversightSetup
{
    public static void AddCatalogueOversight(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OversightOptions>().Bind(builder.Configuration.GetSection(OversightOptions.Section));
        builder.Services.AddScoped<OversightReport>();
        builder.Services.AddScoped<ImportItems>();
        // One instance, so that tests (and a command, one day) can run a publication pass directly.
        builder.Services.AddSingleton<ScheduledPublicationService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublicationService>());
    }

    public static void MapCatalogueOversight(this IEndpointRouteBuilder app) => app.MapImportApi();
}

namespace Gongkai.Features.Catalogue.Oversight;

/// <summary>Completeness and timeliness checks, scheduled publication, bulk import.</summary>
public static class OversightSetup
{
    public static void AddCatalogueOversight(this WebApplicationBuilder builder) { _ = builder; }

    public static void MapCatalogueOversight(this IEndpointRouteBuilder app) { _ = app; }
}

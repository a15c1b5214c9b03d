namespace Gongkai.Features.Catalogue.Admin;

/// <summary>The staff pages of the catalogue (items, attachments, review).</summary>
public static class CatalogueAdminSetup
{
    public static void AddCatalogueAdmin(this WebApplicationBuilder builder) { _ = builder; }

    public static void MapCatalogueAdmin(this IEndpointRouteBuilder app) { _ = app; }
}

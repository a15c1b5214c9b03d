namespace Gongkai.Features.Catalogue;

public static class CatalogueSetup
{
    public static void AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogueOptions>().Bind(builder.Configuration.GetSection("Gongkai:Catalogue"));
        builder.Services.AddScoped<ItemWorkflow>();
        builder.Services.AddScoped<IndexNumberAllocator>();
        builder.Services.AddScoped<CatalogueSeeder>();
    }

    public static void MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapItemsApi();
        app.MapCatalogueApi();
    }
}

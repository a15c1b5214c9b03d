using Gongkai.Features.Catalogue.Admin;
using Gongkai.Features.Catalogue.Feeds;
using Gongkai.Features.Catalogue.Oversight;

namespace Gongkai.Features.Catalogue;

public static class CatalogueSetup
{
    public static void AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogueOptions>().Bind(builder.Configuration.GetSection("Gongkai:Catalogue"));
        builder.Services.AddScoped<ItemWorkflow>();
        builder.Services.AddScoped<IndexNumberAllocator>();
        builder.Services.AddScoped<CatalogueSeeder>();
        builder.Services.AddSingleton<ViewCounter>();
        builder.Services.AddHostedService<ViewCountFlushService>();
        builder.Services.AddSingleton<ItemPageCache>();
        builder.Services.AddHostedService<ItemPageCacheFollower>();
        builder.AddCatalogueAdmin();
        builder.AddFeeds();
        builder.AddCatalogueOversight();
    }

    public static void MapCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapItemsApi();
        app.MapCatalogueApi();
        app.MapCatalogueAdmin();
        app.MapFeeds();
        app.MapCatalogueOversight();
    }
}

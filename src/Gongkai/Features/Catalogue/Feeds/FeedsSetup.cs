namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>Atom feeds, sitemap, machine-readable catalogue exports and the guide (指南, pages under Features/Guide).</summary>
public static class FeedsSetup
{
    public static void AddFeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedsOptions>().Bind(builder.Configuration.GetSection(FeedsOptions.Section));
        builder.Services.AddSingleton<PublicUrls>();
    }

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapAtomFeeds();
        app.MapSitemap();
        app.MapCatalogueExport();
    }
}

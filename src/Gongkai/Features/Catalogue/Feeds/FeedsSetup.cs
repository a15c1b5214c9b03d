namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>Atom feeds, sitemap, machine-readable catalogue exports and the guide (指南).</summary>
public static class FeedsSetup
{
    public static void AddFeeds(this WebApplicationBuilder builder) { _ = builder; }

    public static void MapFeeds(this IEndpointRouteBuilder app) { _ = app; }
}

using Gongkai.Hosting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Search;

public static class SearchSetup
{
    public static void AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new SearchIndex(sp.GetRequiredService<IOptions<GongkaiOptions>>().Value.IndexPath));
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService<SearchIndexingService>();
    }
}

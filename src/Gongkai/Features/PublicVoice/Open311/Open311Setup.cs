using Microsoft.AspNetCore.Http;

namespace Gongkai.Features.PublicVoice.Open311;

/// <summary>Open311 GeoReport v2 for opinions and the office's client keys (docs/public-voice.md, "Open311").</summary>
public static class Open311Setup
{
    public static void AddOpen311(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Open311Keys>();
        builder.Services.AddScoped<GeoReportQueries>();
        builder.Services.AddScoped<Open311Filing>();
        // First in line, so that every error under /open311 (exceptions, 404, 405, the 429 of the
        // shared filing limit) is written in the standard's format rather than as ProblemDetails.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, Open311ProblemWriter>());
    }

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        app.MapGeoReportApi();
        app.MapOpen311KeysApi();
    }
}

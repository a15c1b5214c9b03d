namespace Gongkai.Features.AnnualReports;

public static class AnnualReportsSetup
{
    public static void AddAnnualReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AnnualReportService>();
        builder.Services.AddScoped<AnnualReportEditing>();
        builder.Services.AddScoped<PublishReport>();
    }

    public static void MapAnnualReports(this IEndpointRouteBuilder app)
    {
        app.MapAnnualReportsApi();
    }
}

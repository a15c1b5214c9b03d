namespace Gongkai.Features.AnnualReports;

public static class AnnualReportsSetup
{
    public static void AddAnnualReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AnnualReportService>();
        builder.Services.AddScoped<AnnualReportEditing>();
        builder.Services.AddScoped<PublishReport>();
        builder.Services.AddOptions<AnnualReportReminderOptions>().Bind(builder.Configuration.GetSection(AnnualReportReminderOptions.Section));
        builder.Services.AddSingleton<AnnualReportReminderService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AnnualReportReminderService>());
    }

    public static void MapAnnualReports(this IEndpointRouteBuilder app)
    {
        app.MapAnnualReportsApi();
    }
}

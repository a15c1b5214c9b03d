using Gongkai.Features.PublicVoice.Inspections;
using Gongkai.Features.PublicVoice.Supervisors;

namespace Gongkai.Features.PublicVoice;

/// <summary>The supervision office's part of public voice: conduct complaints' pages, inspections, bulletins, supervisors.</summary>
public static class SupervisionOfficeSetup
{
    public static void AddSupervisionOffice(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InspectionService>();
        builder.Services.AddScoped<BulletinService>();
        builder.Services.AddScoped<SupervisorService>();
    }

    public static void MapSupervisionOffice(this IEndpointRouteBuilder app)
    {
        app.MapInspectionsApi();
        app.MapSupervisorsApi();
    }
}

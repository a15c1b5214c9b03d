namespace Gongkai.Features.Organisation;

public static class OrganisationSetup
{
    public static void AddOrganisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteNames>();
    }
}

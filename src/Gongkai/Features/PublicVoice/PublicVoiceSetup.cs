using Gongkai.Features.PublicVoice.Open311;
using Gongkai.Features.PublicVoice.Supervision;
using Gongkai.Features.PublicVoice.Topics;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// Public voice (docs/public-voice.md): one case engine for opinions (民生民意), conduct complaints
/// (效能投诉) and supervisors' suggestions (监督员建议), with Open311, supervision and statistics.
/// Each part registers itself here with one line.
/// </summary>
public static class PublicVoiceSetup
{
    public static void AddPublicVoice(this WebApplicationBuilder builder)
    {
        builder.AddCaseEngine();
        builder.AddCaseTopics();
        builder.AddOpen311();
        builder.AddCaseSupervision();
        Pages.VoicePagesSetup.AddVoicePages(builder);
        builder.AddSupervisionOffice();
    }

    public static void MapPublicVoice(this IEndpointRouteBuilder app)
    {
        app.MapCaseEngine();
        app.MapCaseTopics();
        app.MapOpen311();
        app.MapCaseSupervision();
        Pages.VoicePagesSetup.MapVoicePages(app);
        app.MapSupervisionOffice();
    }
}

namespace Gongkai.Features.Applications.Letters;

/// <summary>Reply letters (告知书): called from <see cref="ApplicationsSetup"/>.</summary>
public static class ReplyLettersSetup
{
    public static void AddReplyLetters(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReplyLetterOptions>().Bind(builder.Configuration.GetSection(ReplyLetterOptions.Section));
        builder.Services.AddSingleton<LetterFileStore>();
        builder.Services.AddScoped<ReplyLetters>();
    }
}

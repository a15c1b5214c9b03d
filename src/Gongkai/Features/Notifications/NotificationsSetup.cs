using Microsoft.Extensions.Options;

namespace Gongkai.Features.Notifications;

public static class NotificationsSetup
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Bound when first resolved, not now: tests and hosts add settings after this runs.
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();

        services.AddScoped<Outbox>();
        services.AddScoped<NotificationDispatcher>();
        // A deployment with an SMS operator registers its own ISmsGateway after this; the last one wins.
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<ISmsGateway, LoggingSmsGateway>();
        // Always registered; it returns at once when Gongkai:Notifications:Enabled is false,
        // because that setting is only known once configuration is complete.
        services.AddHostedService<NotificationBackgroundService>();
    }
}

using System.Collections.Concurrent;
using Gongkai.Features.Notifications;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Notifications;

/// <summary>
/// Gongkai with the background dispatcher off (tests call <see cref="DispatchAsync"/> themselves,
/// so no timing matters) and, when a port is given, SMTP pointed at a plain server on loopback.
/// Keeps what the notification code logs at Information and above.
/// </summary>
public class NotificationsFactory(int? smtpPort) : GongkaiFactory
{
    public const string From = "明湖区政务公开 <noreply@example.gov.cn>";

    public ConcurrentQueue<string> Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings
    {
        get
        {
            yield return new("Gongkai:Notifications:Enabled", "false");
            if (smtpPort is not { } port) yield break;
            yield return new("Gongkai:Notifications:Smtp:Host", "127.0.0.1");
            yield return new("Gongkai:Notifications:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield return new("Gongkai:Notifications:Smtp:Security", "None");
            yield return new("Gongkai:Notifications:Smtp:From", From);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l =>
        {
            l.AddProvider(new QueueLoggerProvider(Logs));
            l.AddFilter<QueueLoggerProvider>("Gongkai.Features.Notifications", LogLevel.Information);
        });
    }

    /// <summary>One dispatcher run in its own scope, as the background service does it.</summary>
    public async Task<int> DispatchAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    public async Task ClearOutboxAsync()
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<Data.GongkaiDbContext>().Notifications.ExecuteDeleteAsync();
    }

    public Notification Row(long id) => Db(d => d.Notifications.AsNoTracking().Single(n => n.Id == id));

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
}

/// <summary>No SMTP server configured.</summary>
public sealed class NoSmtpFactory() : NotificationsFactory(null);

/// <summary>A running aiosmtpd and a Gongkai that sends to it.</summary>
public sealed class SmtpFixture : IAsyncLifetime
{
    public SmtpServer Smtp { get; } = new();
    public NotificationsFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        App = new NotificationsFactory(Smtp.Port);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>A Gongkai whose SMTP server is down: nothing listens on its port until a test starts <see cref="Smtp"/> there.</summary>
public sealed class SmtpOutageFixture : IAsyncLifetime
{
    public SmtpServer Smtp { get; } = new();
    public NotificationsFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new NotificationsFactory(Smtp.Port);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

internal sealed class QueueLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, sink);
    public void Dispose() { }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }
}

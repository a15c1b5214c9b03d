using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Catalogue.Oversight;

/// <summary>Gongkai with the scheduled-publication loop off: tests run a pass themselves, so no timing matters.</summary>
public class NoSchedulerFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Gongkai:Catalogue:Oversight:PublishScheduledItems", "false")];
}

/// <summary>
/// A fresh Gongkai whose clock starts on 2026-09-01 09:00 Beijing time, whatever the real date:
/// timeliness is counted across the 2026 中秋/国庆 block, and a FakeTimeProvider cannot go back.
/// </summary>
public sealed class AutumnFactory : NoSchedulerFactory
{
    /// <summary>Hides the base clock, which starts at the real time and is left unused here.</summary>
    public new FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 1, 1, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Catalogue.Oversight;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Gongkai.Tests.Catalogue.Oversight.OversightTestKit;

namespace Gongkai.Tests.Operations;

/// <summary>
/// Two Gongkai instances over one database and one data folder (files on shared storage), each
/// with its own search index: what a load balancer in front of them needs to be invisible.
/// Scheduled publication is left to the tests, which run it on both instances at once.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public InstanceA A { get; } = new();
    public InstanceB B { get; }

    public TwoInstances() => B = new InstanceB(A);

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)A).InitializeAsync();
        await ((IAsyncLifetime)B).InitializeAsync(); // the second start finds the database migrated and seeded
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
    }

    public sealed class InstanceA : GongkaiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Gongkai:Catalogue:Oversight:PublishScheduledItems", "false"),
            new("Gongkai:Applications:SubmissionsPerHour", "1000"),
        ];
    }

    /// <summary>Runs on A's database, data folder and clock; only its index folder is its own.</summary>
    public sealed class InstanceB(InstanceA a) : GongkaiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Gongkai:Catalogue:Oversight:PublishScheduledItems", "false"),
            new("Gongkai:Applications:SubmissionsPerHour", "1000"),
            new("Gongkai:DataPath", a.DataPath),
            new("Gongkai:IndexPath", Path.Combine(a.DataPath, "index-b")),
            new("Gongkai:Database:Provider", a.Database.Provider),
            new("ConnectionStrings:Gongkai", a.Database.ConnectionString),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(a.Clock);
            });
        }
    }
}

public sealed class TwoInstancesTests(TwoInstances pair) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other()
    {
        var jar = new CookieContainer();
        using var onA = pair.A.CreateDefaultClient(new CookieContainerHandler(jar));
        using var onB = pair.B.CreateDefaultClient(new CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/admin")).StatusCode); // not signed in yet

        var login = await onA.PostFormAsync("/account/login", [new("UserName", "admin"), new("Password", GongkaiFactory.AdminPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // The cookie A issued opens the back office on B: both read the keys kept in the database.
        var admin = await onB.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("退出", await admin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_rendered_by_one_instance_is_accepted_by_the_other()
    {
        var jar = new CookieContainer();
        using var onA = pair.A.CreateDefaultClient(new CookieContainerHandler(jar));
        using var onB = pair.B.CreateDefaultClient(new CookieContainerHandler(jar));
        var form = await onA.GetStringAsync("/account/login");
        var token = Html.AntiforgeryToken(form);

        var posted = await onB.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("UserName", "admin"), new("Password", GongkaiFactory.AdminPassword), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // A forged token is still refused on B: the antiforgery check really ran there.
        var forged = await onB.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("UserName", "admin"), new("Password", GongkaiFactory.AdminPassword), new("__RequestVerificationToken", token[..^4] + "AAAA")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task An_application_filed_on_one_instance_is_visible_on_the_other_at_once()
    {
        using var citizenA = pair.A.Anonymous();
        var filed = await citizenA.PostAsJsonAsync("/api/applications", new
        {
            applicantType = "natural-person", name = "赵六", idNumber = "110101198807086666", contact = "13698765432",
            description = "明湖区2025年道路维修计划及预算", department = "jtj", deliveryForm = "电子邮件发送",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var body = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("trackingCode").GetString()!;
        var key = body.GetProperty("accessKey").GetString()!;

        using var citizenB = pair.B.Anonymous();
        using var track = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{code}");
        track.Headers.Add("X-Access-Key", key);
        var tracked = await citizenB.SendAsync(track);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Equal("received", (await tracked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // Staff on B see it in the inbox, with a token A issued.
        using var staffB = pair.B.Anonymous();
        staffB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await pair.A.TokenAsync("admin"));
        var inbox = await staffB.GetStringAsync("/api/admin/applications?status=open");
        Assert.Contains(code, inbox);
    }

    [Fact]
    public async Task Scheduled_publication_run_on_both_instances_at_once_publishes_each_item_once()
    {
        using var editor = await pair.A.ApiAs("xinxiyuan");
        using var reviewer = await pair.B.ApiAs("shenheren");
        var at = pair.A.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var id = await CreateAsync(editor, Draft($"定时发布（两实例）第{i + 1}号通知", "jyj", "2026-11-20", "jc-ywjy"));
            await SubmitAsync(editor, id);
            Assert.Equal("Scheduled", (await ApproveAsync(reviewer, id, at)).GetProperty("state").GetString());
            ids.Add(id);
        }
        pair.A.Clock.Advance(TimeSpan.FromMinutes(2));

        var onA = pair.A.Services.GetRequiredService<ScheduledPublicationService>();
        var onB = pair.B.Services.GetRequiredService<ScheduledPublicationService>();
        var runs = await Task.WhenAll(
            Task.Run(() => onA.RunOnceAsync(CancellationToken.None)), Task.Run(() => onB.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => onA.RunOnceAsync(CancellationToken.None)), Task.Run(() => onB.RunOnceAsync(CancellationToken.None)));

        // Every item found due by exactly one run, published once, with its own 索引号 and no number skipped.
        Assert.Equal(ids.Count, runs.Sum());
        var items = pair.A.Db(db => db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).ToList());
        Assert.All(items, i => Assert.Equal(ItemState.Published, i.State));
        var serials = items.Select(i => int.Parse(i.IndexNumber![^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(ids.Count, serials.Distinct().Count());
        Assert.Equal(serials[0] + ids.Count - 1, serials[^1]);
        var idTexts = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var publications = pair.A.Db(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(DisclosureItem) && idTexts.Contains(e.EntityId) && e.ActorName == "系统" && e.After!.Contains("IndexNumber")).Count());
        Assert.Equal(ids.Count, publications);
    }

    [Fact]
    public async Task A_job_lease_held_on_one_instance_makes_the_other_wait_until_it_is_released()
    {
        await using var scopeA = pair.A.Services.CreateAsyncScope();
        await using var scopeB = pair.B.Services.CreateAsyncScope();
        var held = await Gongkai.Data.JobLease.AcquireAsync(scopeA.ServiceProvider, "lease-test", CancellationToken.None);
        var waiting = Gongkai.Data.JobLease.AcquireAsync(scopeB.ServiceProvider, "lease-test", CancellationToken.None);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted, "B took the lease while A held it");

        // Another job is not held up by it.
        await using (await Gongkai.Data.JobLease.AcquireAsync(scopeB.ServiceProvider, "other-job", CancellationToken.None)) { }

        await held.DisposeAsync();
        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(waiting.IsCompletedSuccessfully);
    }
}

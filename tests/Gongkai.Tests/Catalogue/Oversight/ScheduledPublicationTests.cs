using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Catalogue.Oversight;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Catalogue.Oversight.OversightTestKit;

namespace Gongkai.Tests.Catalogue.Oversight;

public sealed class ScheduledPublicationTests(NoSchedulerFactory app) : IClassFixture<NoSchedulerFactory>
{
    private ScheduledPublicationService Service => app.Services.GetRequiredService<ScheduledPublicationService>();

    [Fact]
    public async Task A_scheduled_item_is_published_by_the_system_with_an_index_number_once_its_time_has_come()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var id = await CreateAsync(editor, Draft("定时发布：秋季学期校车线路调整", "jyj", "2026-11-20", "jc-ywjy"));
        await SubmitAsync(editor, id);
        var at = app.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var approved = await ApproveAsync(reviewer, id, at);
        Assert.Equal("Scheduled", approved.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("indexNumber").ValueKind);

        Assert.Equal(0, await Service.RunOnceAsync(CancellationToken.None)); // not yet
        Assert.Equal(ItemState.Scheduled, app.Db(db => db.Items.Single(i => i.Id == id).State));
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/items/{id}")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, await Service.RunOnceAsync(CancellationToken.None));

        var item = app.Db(db => db.Items.AsNoTracking().Single(i => i.Id == id));
        Assert.Equal(ItemState.Published, item.State);
        var credit = app.Db(db => db.Departments.Single(d => d.Code == "jyj").CreditCode);
        Assert.Matches(new Regex($"^{credit}/\\d{{4}}-\\d{{5}}$"), item.IndexNumber);
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8)), item.PublishedOn);
        Assert.Null(item.ScheduledFor);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/items/{id}")).StatusCode);
        // The publication is in the audit log, by the system, and the search index hears of it.
        var idText = id.ToString(CultureInfo.InvariantCulture);
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.EntityType == nameof(DisclosureItem) && e.EntityId == idText && e.ActorName == "系统" && e.After!.Contains("IndexNumber"))));
        Assert.True(app.Db(db => db.ChangeLog.Count(c => c.EntityId == id)) >= 2);

        Assert.Equal(0, await Service.RunOnceAsync(CancellationToken.None)); // published once, not again
        Assert.Equal(item.IndexNumber, app.Db(db => db.Items.Single(i => i.Id == id).IndexNumber));
    }
}

/// <summary>The hosted loop itself, on the default factory (loop on, driven by the fake clock).</summary>
public sealed class ScheduledPublicationLoopTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task The_background_service_publishes_a_due_item_on_its_own_when_the_clock_moves_on()
    {
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        var id = await CreateAsync(editor, Draft("定时发布：寒假安全提示", "jyj", "2026-11-20", "jc-ywjy"));
        await SubmitAsync(editor, id);
        await ApproveAsync(reviewer, id, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1));

        // Each advance past the 30 s interval wakes the loop once; give it a few chances to run.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (app.Db(db => db.Items.Single(i => i.Id == id).State) != ItemState.Published && DateTime.UtcNow < deadline)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(31));
            await Task.Delay(200);
        }
        var item = app.Db(db => db.Items.Single(i => i.Id == id));
        Assert.Equal(ItemState.Published, item.State);
        Assert.NotNull(item.IndexNumber);
    }
}

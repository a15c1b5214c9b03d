using System.Net;
using Gongkai.Data;
using Gongkai.Features.Notifications;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Notifications;

public sealed class SmtpOutageTests(SmtpOutageFixture fixture) : IClassFixture<SmtpOutageFixture>
{
    private NotificationsFactory App => fixture.App;

    [Fact]
    public async Task Failed_attempts_back_off_then_give_up_and_the_admin_page_sends_again_once_smtp_is_back()
    {
        long id;
        await using (var scope = App.Scope())
        {
            var n = scope.ServiceProvider.GetRequiredService<Outbox>().Email("wang.wu@example.cn", "答复通知", "您的申请已答复。");
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
            id = n.Id;
        }

        // Attempts 1–5 fail and wait 1, 2, 4, 8, 16 minutes; the 6th (MaxAttempts) gives up.
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var now = App.Now;
            Assert.Equal(1, await App.DispatchAsync());
            var row = App.Row(id);
            Assert.Equal(attempt, row.Attempts);
            Assert.Contains("无法连接邮件服务器", row.LastError, StringComparison.Ordinal);
            Assert.Null(row.ClaimedUntil);
            Assert.Null(row.SentAt);
            if (attempt == 6)
            {
                Assert.Equal(DeliveryState.Failed, row.State);
                break;
            }
            Assert.Equal(DeliveryState.Pending, row.State);
            var backOff = TimeSpan.FromMinutes(Math.Pow(2, attempt - 1));
            Assert.InRange(row.NextAttemptAt, now + backOff - TimeSpan.FromMilliseconds(1), now + backOff + TimeSpan.FromMilliseconds(1));

            // Not due before its back-off has passed.
            App.Clock.Advance(backOff - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await App.DispatchAsync());
            App.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await App.DispatchAsync());

        using var admin = await App.SignedInAsync("admin");
        var page = await admin.GetPageAsync("/admin/notifications?state=Failed");
        Assert.Contains("发送失败", page, StringComparison.Ordinal);
        Assert.Contains("wang.wu@example.cn", page, StringComparison.Ordinal);
        Assert.Contains("无法连接邮件服务器", page, StringComparison.Ordinal);
        Assert.Contains("重新发送", page, StringComparison.Ordinal);

        var retry = await admin.PostFormAsync($"/admin/notifications?handler=Retry&id={id}&state=Failed", [], "/admin/notifications?state=Failed");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var retried = App.Row(id);
        Assert.Equal(DeliveryState.Pending, retried.State);
        Assert.Equal(0, retried.Attempts);
        Assert.True(App.Db(d => d.AuditEntries.Any(e => e.Action == "NotificationRetried" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Retrying something that is not failed is refused in Chinese, not with a 500.
        var again = await admin.PostFormAsync($"/admin/notifications?handler=Retry&id={id}", [], "/admin/notifications");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("只有发送失败的通知才能重新发送", await again.ReadPageAsync(), StringComparison.Ordinal);

        // The server comes back: the next run delivers it.
        await fixture.Smtp.StartAsync();
        Assert.Equal(1, await App.DispatchAsync());
        var mail = Assert.Single(fixture.Smtp.Messages());
        Assert.Equal("wang.wu@example.cn", mail.EnvelopeTo);
        Assert.Equal("答复通知", mail.Subject);
        var sent = App.Row(id);
        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
    }
}

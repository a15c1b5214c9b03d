using Gongkai.Data;
using Gongkai.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Notifications;

/// <summary>The outbox delivering through a real SMTP server on loopback.</summary>
public sealed class DeliveryTests(SmtpFixture fixture) : IClassFixture<SmtpFixture>, IAsyncLifetime
{
    private NotificationsFactory App => fixture.App;
    private SmtpServer Smtp => fixture.Smtp;

    public async Task InitializeAsync()
    {
        await App.ClearOutboxAsync();
        Smtp.Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Enqueued_email_is_written_by_the_callers_save_and_delivered_with_its_chinese_subject_and_body()
    {
        const string subject = "您的政府信息公开申请已受理（GK2026-00012）";
        const string body = "张三：\n您于2026年3月2日提交的政府信息公开申请已受理，我们将在20个工作日内答复。\n\n明湖区人民政府办公室";
        long id;
        await using (var scope = App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var notification = scope.ServiceProvider.GetRequiredService<Outbox>()
                .Email("zhang.san@example.cn", subject, body, "Application:GK2026-00012");
            // Nothing is written until the caller saves its own change.
            Assert.Equal(0, App.Db(d => d.Notifications.Count()));
            await db.SaveChangesAsync();
            id = notification.Id;
        }
        var enqueued = App.Row(id);
        Assert.Equal(DeliveryState.Pending, enqueued.State);
        Assert.Equal(0, enqueued.Attempts);

        Assert.Equal(1, await App.DispatchAsync());

        var mail = Assert.Single(Smtp.Messages());
        Assert.Equal("zhang.san@example.cn", mail.EnvelopeTo);
        Assert.Equal("zhang.san@example.cn", mail.To);
        Assert.Equal("noreply@example.gov.cn", mail.FromAddress);
        Assert.Equal("明湖区政务公开", mail.FromName);
        Assert.Equal(subject, mail.Subject);
        Assert.Equal(body, mail.Body);

        var row = App.Row(id);
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.InRange(row.SentAt.Value, App.Now.AddMilliseconds(-1), App.Now.AddMilliseconds(1));
        Assert.Null(row.LastError);
        Assert.Null(row.ClaimedUntil);
        Assert.Equal("Application:GK2026-00012", row.Reference);

        // Sent means sent: later runs leave it alone.
        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await App.DispatchAsync());
        Assert.Single(Smtp.Messages());
    }

    [Fact]
    public async Task Dispatchers_racing_on_the_same_due_messages_send_each_exactly_once()
    {
        const int count = 30;
        await using (var scope = App.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < count; i++) outbox.Email($"user{i:D2}@example.cn", $"通知 {i}", $"第 {i} 封");
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
        }

        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await App.DispatchAsync();
        })).ToList();
        start.Set();
        var attempted = await Task.WhenAll(runs);

        Assert.Equal(count, attempted.Sum());
        var mails = Smtp.Messages();
        Assert.Equal(count, mails.Count);
        Assert.Equal(count, mails.Select(m => m.EnvelopeTo).Distinct().Count());
        var rows = App.Db(d => d.Notifications.AsNoTracking().ToList());
        Assert.All(rows, r =>
        {
            Assert.Equal(DeliveryState.Sent, r.State);
            Assert.Equal(1, r.Attempts);
        });
    }

    [Fact]
    public async Task A_claim_left_by_a_dispatcher_that_died_is_taken_over_once_it_expires()
    {
        long id;
        await using (var scope = App.Scope())
        {
            var n = scope.ServiceProvider.GetRequiredService<Outbox>().Email("li.si@example.cn", "测试", "正文");
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
            id = n.Id;
        }
        // Another instance claimed it and died before recording anything.
        var claimedUntil = App.Now.AddMinutes(5);
        await using (var scope = App.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Notifications.Where(n => n.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Sending).SetProperty(n => n.ClaimedUntil, claimedUntil));
        }

        Assert.Equal(0, await App.DispatchAsync());
        Assert.Empty(Smtp.Messages());

        App.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await App.DispatchAsync());
        Assert.Single(Smtp.Messages());
        Assert.Equal(DeliveryState.Sent, App.Row(id).State);
    }

    [Fact]
    public async Task Sms_goes_through_the_logging_gateway_and_is_sent()
    {
        long id;
        await using (var scope = App.Scope())
        {
            var n = scope.ServiceProvider.GetRequiredService<Outbox>().Sms("13800138000", "您的申请已答复，请登录查看。");
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
            id = n.Id;
        }

        Assert.Equal(1, await App.DispatchAsync());

        var row = App.Row(id);
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.Empty(Smtp.Messages());
        var logged = Assert.Single(App.Logs, l => l.Contains("LoggingSmsGateway", StringComparison.Ordinal));
        Assert.Contains("138****8000", logged, StringComparison.Ordinal);
        Assert.Contains("您的申请已答复，请登录查看。", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", logged, StringComparison.Ordinal);
    }
}

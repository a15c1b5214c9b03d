using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Features.Notifications;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Notifications;

/// <summary>The back-office page and the outbox's input checks, with no SMTP server configured.</summary>
public sealed partial class AdminPageTests(NoSmtpFactory app) : IClassFixture<NoSmtpFactory>, IAsyncLifetime
{
    private const string Url = "/admin/notifications";

    public Task InitializeAsync() => app.ClearOutboxAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [GeneratedRegex(@"139\d{8}")]
    private static partial Regex Phone();

    [Fact]
    public async Task The_page_is_refused_to_anonymous_visitors_and_to_a_department_editor()
    {
        using var anonymous = app.Anonymous();
        var refused = await anonymous.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var editor = await app.SignedInAsync("xinxiyuan");
        var denied = await editor.GetAsync(Url);
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden
            || (denied.StatusCode == HttpStatusCode.Redirect && denied.Headers.Location!.PathAndQuery.StartsWith("/account/denied", StringComparison.Ordinal)),
            $"editor got {denied.StatusCode} {denied.Headers.Location}");
        var post = await editor.PostFormAsync(Url + "?handler=TestMail", [new("TestRecipient", "x@example.cn")], "/admin");
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(0, app.Db(d => d.Notifications.Count()));
    }

    [Theory]
    [InlineData("not-an-address", "电子邮件地址格式不正确")]
    [InlineData("", "请填写收件人电子邮件地址")]
    [InlineData("a b@example.cn", "电子邮件地址格式不正确")]
    public async Task Test_mail_with_a_bad_address_answers_200_with_a_chinese_message_and_enqueues_nothing(string address, string message)
    {
        using var admin = await app.SignedInAsync("admin");
        var response = await admin.PostFormAsync(Url + "?handler=TestMail", [new("TestRecipient", address)], Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadPageAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(0, app.Db(d => d.Notifications.Count()));
    }

    [Fact]
    public async Task Test_mail_is_enqueued_but_not_attempted_while_smtp_is_unconfigured_and_the_page_warns()
    {
        using var admin = await app.SignedInAsync("admin");
        var response = await admin.PostFormAsync(Url + "?handler=TestMail", [new("TestRecipient", "ops@example.gov.cn")], Url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var row = app.Db(d => d.Notifications.AsNoTracking().Single());
        Assert.Equal(NotificationChannel.Email, row.Channel);
        Assert.Equal("ops@example.gov.cn", row.Recipient);
        Assert.Equal("TestMail", row.Reference);
        Assert.True(app.Db(d => d.AuditEntries.Any(e => e.Action == "NotificationTestMail")));

        var page = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("测试邮件已加入发送队列", page, StringComparison.Ordinal);
        Assert.Contains("尚未配置SMTP邮件服务器", page, StringComparison.Ordinal);
        Assert.Contains("ops@example.gov.cn", page, StringComparison.Ordinal);
        Assert.Contains("待发送", page, StringComparison.Ordinal);

        // E-mail waits in the outbox without attempts or errors piling up.
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.DispatchAsync());
        var waiting = app.Row(row.Id);
        Assert.Equal(DeliveryState.Pending, waiting.State);
        Assert.Equal(0, waiting.Attempts);
        Assert.Null(waiting.LastError);
    }

    [Fact]
    public async Task The_list_is_newest_first_50_a_page_filters_by_state_and_shows_china_time()
    {
        var start = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc); // 09:00 in Beijing
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            for (var i = 0; i < 120; i++)
                db.Notifications.Add(new Notification(NotificationChannel.Sms, $"139{i:D8}", "", $"短信 {i}", start.AddMinutes(i)));
            await db.SaveChangesAsync();
            var failed = new[] { "13900000005", "13900000006", "13900000007" };
            await db.Notifications.Where(n => failed.Contains(n.Recipient))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Failed).SetProperty(n => n.LastError, "网关拒绝"));
        }

        using var admin = await app.SignedInAsync("admin");
        var first = await admin.GetPageAsync(Url);
        var phones = Phone().Matches(first).Select(m => m.Value).ToList();
        Assert.Equal(50, phones.Count);
        Assert.Equal("13900000119", phones[0]);
        Assert.Equal("13900000070", phones[^1]);
        Assert.Contains("共 120 条", first, StringComparison.Ordinal);
        Assert.Contains("下一页", first, StringComparison.Ordinal);
        Assert.DoesNotContain("上一页", first, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 10:59:00", first, StringComparison.Ordinal); // row 119, created 02:59 UTC

        var last = await admin.GetPageAsync(Url + "?p=3");
        Assert.Equal(20, Phone().Count(last));
        Assert.Contains("上一页", last, StringComparison.Ordinal);
        Assert.DoesNotContain("下一页", last, StringComparison.Ordinal);

        var failedPage = await admin.GetPageAsync(Url + "?state=Failed");
        Assert.Equal(["13900000007", "13900000006", "13900000005"], Phone().Matches(failedPage).Select(m => m.Value));
        Assert.Equal(3, Regex.Count(failedPage, "重新发送第"));
        Assert.Contains("网关拒绝", failedPage, StringComparison.Ordinal);
        Assert.Contains("共 3 条", failedPage, StringComparison.Ordinal);

        var empty = await admin.GetPageAsync(Url + "?state=Sending");
        Assert.Contains("没有状态为“发送中”的通知。", empty, StringComparison.Ordinal);
        Assert.Empty(Phone().Matches(empty));
    }

    [Theory]
    [InlineData(NotificationChannel.Email, "zhangsan.example.cn", "电子邮件地址格式不正确")]
    [InlineData(NotificationChannel.Email, "张三 <@example.cn>", "电子邮件地址格式不正确")]
    [InlineData(NotificationChannel.Email, "  ", "收件人不能为空")]
    [InlineData(NotificationChannel.Sms, "138-abc", "手机号码格式不正确")]
    public async Task The_outbox_refuses_bad_recipients_with_a_chinese_domain_error(NotificationChannel channel, string recipient, string message)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var error = Assert.Throws<DomainException>(() => outbox.Enqueue(channel, recipient, "标题", "正文"));
        Assert.Equal(message, error.Message);
        Assert.Empty(db.ChangeTracker.Entries<Notification>());
        Assert.Throws<DomainException>(() => outbox.Email("ok@example.cn", "标题", " "));
    }
}

using System.Net;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.PublicVoice;

/// <summary>Two letters an hour per address: the third gets the Chinese 429 page; "先查一查" does not count.</summary>
public sealed class TightVoiceFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:PublicVoice:SubmissionsPerHour", "2"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
    ];
}

public sealed class PageLimitsTests(TightVoiceFactory app) : IClassFixture<TightVoiceFactory>
{
    [Fact]
    public async Task The_form_is_rate_limited_per_address_and_checking_first_is_free()
    {
        using var citizen = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            var form = await PagesTests.OpenFormAsync(citizen, "/opinions/new");
            var check = await citizen.PostAsync("/opinions/new?handler=Check", new FormUrlEncodedContent(
                [new("Input.Title", "路灯"), new("Input.Token", form.Token), new("__RequestVerificationToken", form.Antiforgery)]));
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        }
        for (var i = 0; i < 2; i++)
        {
            var form = await PagesTests.OpenFormAsync(citizen, "/opinions/new");
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            var ok = await form.PostAsync(citizen, [new("Input.Title", $"第{i}封信"), new("Input.Content", "内容")], form.Answer);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var last = await PagesTests.OpenFormAsync(citizen, "/complaints/new");
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var refused = await last.PostAsync(citizen, [new("Input.Title", "第三封"), new("Input.Content", "内容")], last.Answer);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("请求过于频繁", await refused.Content.ReadAsStringAsync());
    }
}

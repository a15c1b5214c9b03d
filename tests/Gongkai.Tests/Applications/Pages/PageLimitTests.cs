using System.Net;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>Two submissions an hour and two look-ups a minute per address, to see the third refused.</summary>
public sealed class PageLimitFactory : GongkaiFactory
{

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:Applications:SubmissionsPerHour", "2"),
        new("Gongkai:Applications:LookupsPerMinute", "2"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
        new("Gongkai:Applications:Reminders:Enabled", "false"),
    ];
}

/// <summary>The form and the tracking page need no account, so their posts are limited per address; reading them is not.</summary>
public sealed class PageLimitTests(PageLimitFactory app) : IClassFixture<PageLimitFactory>
{
    [Fact]
    public async Task Submissions_and_lookups_are_limited_but_reading_and_checking_are_not()
    {
        using var citizen = app.Anonymous();
        var (code, key, _) = await citizen.ApplyAsync();
        // A refused form counts too: it is a post like any other.
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostFormAsync("/apply", ApplyForm(("Input.Name", "")))).StatusCode);
        var third = await citizen.PostFormAsync("/apply", ApplyForm());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("请求过于频繁", await third.TextAsync());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/apply")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await citizen.PostFormAsync("/apply?handler=Check", ApplyForm(), "/apply")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await citizen.TrackAsync(code, key)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.TrackAsync(code, "AAAAA-BBBBB-CCCCC-DDDDD")).StatusCode);
        var limited = await citizen.TrackAsync(code, key);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("请求过于频繁", await limited.TextAsync());
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/apply/track")).StatusCode);
    }
}


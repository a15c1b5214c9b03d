using System.Net;

namespace Gongkai.Tests.PublicVoice;

/// <summary>A solved human check files one letter: sending the same form again is refused and files nothing.</summary>
public sealed class HumanCheckReplayTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    [Fact]
    public async Task A_solved_question_cannot_be_replayed()
    {
        using var citizen = app.Anonymous();
        var form = await PagesTests.OpenFormAsync(citizen, "/opinions/new");
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var title = "重放测试" + Guid.NewGuid().ToString("N")[..6];
        var first = await form.PostAsync(citizen, [new("Input.Title", title), new("Input.Content", "内容")], form.Answer);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var replay = await form.PostAsync(citizen, [new("Input.Title", title), new("Input.Content", "内容")], form.Answer);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("已用于提交过一次", await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Db(db => db.Cases.Count(c => c.Title == title)));
    }
}

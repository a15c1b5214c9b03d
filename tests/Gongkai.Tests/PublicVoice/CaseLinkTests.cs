using System.Net;
using System.Net.Http.Json;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.PublicVoice.PublicVoiceTestKit;

namespace Gongkai.Tests.PublicVoice;

/// <summary>A case linked to an application shows on the application's staff page, to those who may read the case.</summary>
public sealed class CaseLinkTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    [Fact]
    public async Task A_case_linked_to_an_application_shows_on_its_page_only_to_readers_of_the_case()
    {
        using var citizen = app.Anonymous();
        using var office = await app.ApiAs("bangong");
        var application = await ApplicationsTestKit.RegisterAsync(office, department: "jyj");
        var filed = await FileOpinionAsync(citizen, office, title: "校舍维修资金去向");
        var linked = await office.PostAsJsonAsync($"/api/admin/cases/{filed.Id}/links", new { type = "application", target = application.TrackingCode, note = "同一事由" });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);

        using var officePages = await app.SignedInAsync("bangong");
        var page = await officePages.GetStringAsync($"/admin/applications/{application.Id}");
        Assert.Contains(filed.TrackingCode, page);
        Assert.Contains("校舍维修资金去向", page);

        // jyj handles the application but the case was never assigned to it: nothing about the case shows.
        using var jyjPages = await app.SignedInAsync("xinxiyuan");
        var theirs = await jyjPages.GetStringAsync($"/admin/applications/{application.Id}");
        Assert.DoesNotContain(filed.TrackingCode, theirs);

        await StepAsync(office, filed.Id, "assign", new { departments = new[] { "jyj" } });
        Assert.Contains(filed.TrackingCode, await jyjPages.GetStringAsync($"/admin/applications/{application.Id}"));
    }
}

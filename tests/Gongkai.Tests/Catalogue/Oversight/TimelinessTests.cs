using AngleSharp.Dom;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Catalogue.Oversight.OversightTestKit;

namespace Gongkai.Tests.Catalogue.Oversight;

/// <summary>第二十六条 across the 2026 中秋/国庆 holidays, on a clock that starts on 2026-09-01.</summary>
public sealed class TimelinessTests(AutumnFactory app) : IClassFixture<AutumnFactory>
{
    // Written 2026-09-25 (a Friday, itself 中秋节 but the day written is never counted). By the
    // State Council's arrangement for 2026 (as shipped in Gongkai.Domain/Calendar/Data/2026.json):
    //   09-26 Sat, 09-27 Sun               off
    //   09-28 Mon … 09-30 Wed              3 working days
    //   10-01 … 10-07 国庆节                off
    //   10-08 Thu, 10-09 Fri               2   (5)
    //   10-10 Sat 调休上班                  1   (6)
    //   10-12 … 10-16, 10-19 … 10-23       10  (16)
    //   10-26 … 10-29                      4   (20)  → published 10-29: exactly 20, on time
    //   10-30 Fri                          1   (21)  → published 10-30: 21, late
    // (The other make-up day, 09-20 Sun, falls before the item was written.) Counting Monday to
    // Friday alone would give 25 on 10-30, so the holiday data is what is tested here.
    [Fact]
    public async Task Items_published_more_than_20_working_days_after_they_were_written_are_flagged_counting_holidays_and_make_up_days()
    {
        string[] titles = ["及时性：按期发布", "及时性：超期发布", "及时性：超期未发布", "及时性：尚在期限内的草稿"];
        long onTime, late;
        using (var office = await app.ApiAs("admin"))
        {
            onTime = await CreateAsync(office, Draft(titles[0], "fgj", "2026-09-25"));
            late = await CreateAsync(office, Draft(titles[1], "fgj", "2026-09-25"));
            await CreateAsync(office, Draft(titles[2], "fgj", "2026-09-25"));
            await CreateAsync(office, Draft(titles[3], "fgj", "2026-10-20"));
            await SubmitAsync(office, onTime);
            await SubmitAsync(office, late);
        }

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 29, 2, 0, 0, TimeSpan.Zero)); // 10:00 Beijing time
        using (var office = await app.ApiAs("admin")) // a new token: the first one expired on the way
            await ApproveAsync(office, onTime);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 30, 2, 0, 0, TimeSpan.Zero));
        using (var office = await app.ApiAs("admin"))
            await ApproveAsync(office, late);

        using var supervisor = await app.SignedInAsync("jianduyuan");
        var page = await supervisor.PageAsync("/admin/oversight/fgj");
        var lateRows = Rows(page, "#late-items");
        Assert.Equal([(titles[1], "21")], lateRows);
        var atRisk = Rows(page, "#at-risk-items");
        Assert.Equal([(titles[2], "21")], atRisk); // the draft written 10-20 has 8 working days: not listed

        var overview = OverviewRow(await supervisor.PageAsync("/admin/oversight?sort=late&desc=true"), "fgj");
        Assert.Equal("1", overview[5]);
        Assert.Equal("1", overview[6]);
        // Filtered by the year of publication.
        Assert.Equal("0", OverviewRow(await supervisor.PageAsync("/admin/oversight?year=2025"), "fgj")[5]);
        Assert.Equal("1", OverviewRow(await supervisor.PageAsync("/admin/oversight?year=2026"), "fgj")[5]);
    }

    private static List<(string Title, string Days)> Rows(IDocument page, string selector) =>
        page.QuerySelectorAll($"{selector} tbody tr")
            .Select(r => (r.QuerySelectorAll("td")[1].TextContent.Trim(), r.QuerySelector("[data-working-days]")!.TextContent.Trim()))
            .ToList();
}

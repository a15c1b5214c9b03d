using System.Net;
using Gongkai.Domain.Publishing;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalogue.Feeds;

public sealed class GuideTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private async Task<string> PageAsync(string path)
    {
        using var anon = app.Anonymous();
        var response = await anon.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_guide_index_links_every_bodys_guide_and_the_portal_navigation_links_the_index()
    {
        var html = await PageAsync("/guide");
        var codes = app.Db(db => db.Departments.Where(d => d.IsActive).Select(d => d.Code).ToList());
        Assert.True(codes.Count > 30);
        Assert.All(codes, c => Assert.Contains($"href=\"/guide/{c}\"", html));
        Assert.Contains("href=\"/guide\"", await PageAsync("/"));
    }

    [Fact]
    public async Task A_departments_guide_names_the_body_the_rules_for_applying_and_the_disclosure_office()
    {
        var html = await PageAsync("/guide/jyj");
        var (office, jyj) = app.Db(db => (db.Departments.Single(d => d.Code == "zfb"), db.Departments.Single(d => d.Code == "jyj")));
        Assert.Contains("<h1 id=\"guide-title\">区教育局政府信息公开指南</h1>", html);
        foreach (var heading in new[] { "一、主动公开", "二、依申请公开", "三、政府信息公开工作机构", "四、监督和救济", "（二）编排体系", "（三）获取方式" })
            Assert.Contains(heading, html);
        Assert.Contains("自收到申请之日起20个工作日内予以答复", html);
        Assert.Contains("延长的期限最长不超过20个工作日", html);
        Assert.Contains("国办函〔2020〕109号", html);
        Assert.Contains("申请人的姓名或者名称、身份证明、联系方式", html);
        // 第十二条: the office's name, address, hours and phone; fax and e-mail, not recorded, as "—".
        Assert.Contains($"<dt>名称</dt><dd>{office.Name}</dd>", html);
        Assert.Contains($"<dt>联系电话</dt><dd>{office.Phone}</dd>", html);
        Assert.Contains($"<dt>办公地址</dt><dd>{office.Address}</dd>", html);
        Assert.Contains("<dt>传真号码</dt><dd>—</dd>", html);
        Assert.Contains(jyj.Phone, html); // the body's own contact as well
        Assert.NotEqual(office.Phone, jyj.Phone);
        // 编排体系: the 索引号 format with an example of this body's own numbers.
        Assert.Contains($"{jyj.CreditCode}/{app.Clock.GetUtcNow().AddHours(8).Year}-00001", html);
        // 分类: the catalogue columns, with this body's items counted and linked.
        Assert.Contains("行政法规、规章和规范性文件", html);
        Assert.Contains("href=\"/items?category=jc-ywjy&department=jyj\"", html);
        // 获取方式: the feed and the exports of this body.
        Assert.Contains("/feeds/departments/jyj.atom", html);
        Assert.Contains("/api/catalogue/items.csv?department=jyj", html);
        Assert.Contains("行政复议", html);
        Assert.Contains("行政诉讼", html);
    }

    [Fact]
    public async Task The_counts_in_the_guide_follow_publication()
    {
        var before = await PageAsync("/guide/jyj");
        var count = app.Db(db => db.Items.Count(i => i.State == ItemState.Published && i.DepartmentId == db.Departments.Single(d => d.Code == "jyj").Id));
        Assert.Contains($"共主动公开政府信息{count}条", before);
        await FeedsTestKit.PublishAsync(app, "指南计数测试", category: "a20-12");
        var after = await PageAsync("/guide/jyj");
        Assert.Contains($"共主动公开政府信息{count + 1}条", after);
        Assert.Contains("href=\"/items?category=a20-12&department=jyj\"", after);
    }

    [Fact]
    public async Task The_offices_own_guide_does_not_send_applicants_elsewhere_and_the_print_view_drops_the_chrome()
    {
        var html = await PageAsync("/guide/zfb?view=print");
        Assert.Contains("由区人民政府办公室受理", html);
        Assert.DoesNotContain("统一受理", html);
        Assert.Contains("class=\"print-view\"", html);
        using var anon = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/guide/no-such-body")).StatusCode);
    }
}

public sealed class GuideOfficeFallbackTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Without_a_government_office_the_guide_names_the_government_as_the_disclosure_office()
    {
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
            (await db.Departments.SingleAsync(d => d.Code == "zfb")).Deactivate();
            await db.SaveChangesAsync();
        }
        var government = app.Db(db => db.Departments.Single(d => d.Code == "gov"));
        using var anon = app.Anonymous();
        var html = WebUtility.HtmlDecode(await anon.GetStringAsync("/guide/jyj"));
        Assert.Contains($"<dt>名称</dt><dd>{government.Name}</dd>", html);
        Assert.Contains($"<dt>联系电话</dt><dd>{government.Phone}</dd>", html);
        var article = html[html.IndexOf("<article", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.DoesNotContain("区人民政府办公室", article); // the footer is the layout's, not the guide's
    }
}

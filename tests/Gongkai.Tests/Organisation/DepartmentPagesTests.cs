using System.Net;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Organisation;

public sealed class DepartmentPagesTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task The_public_department_page_shows_the_items_of_article_20_2()
    {
        using var client = app.Anonymous();
        var html = await client.GetStringAsync("/departments/gov");
        foreach (var text in new[] { "明湖区人民政府", "机构职能", "领导信息", "张明", "办公地址", "办公时间", "联系电话" })
            Assert.Contains(text, html);
        var street = await client.GetStringAsync("/departments/jd-anjing");
        Assert.Contains("下设社区（村）", street);
        Assert.Contains("经纬社区", street);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/departments/none")).StatusCode);
    }

    [Fact]
    public async Task The_office_edits_leaders_and_communities_and_a_bad_credit_code_loses_nothing()
    {
        using var client = await app.SignedInAsync("admin");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", "新阳路街道办事处"), new("Input.CreditCode", "11239901MH0000002R"),
            new("Input.Phone", "0451-1"), new("Input.SortOrder", "34"), new("Input.IsActive", "true"),
            new("Input.Leaders", "赵一|主任|全面工作\n钱二|副主任"), new("Input.Communities", "新阳社区\n新建社区"),
        };
        // the credit code belongs to the district government: refused, nothing saved
        var clash = await client.PostFormAsync("/admin/departments/jd-xinyang", fields);
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("已被其他机构使用", await clash.Content.ReadAsStringAsync());
        Assert.DoesNotContain("赵一", await app.Anonymous().GetStringAsync("/departments/jd-xinyang"));

        var own = app.Db(db => db.Departments.Single(d => d.Code == "jd-xinyang").CreditCode);
        fields[1] = new("Input.CreditCode", own);
        var saved = await client.PostFormAsync("/admin/departments/jd-xinyang", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await app.Anonymous().GetStringAsync("/departments/jd-xinyang");
        Assert.Contains("赵一", page);
        Assert.Contains("新建社区", page);
        Assert.DoesNotContain("友谊社区", page);
    }

    [Fact]
    public async Task A_new_department_needs_a_valid_unique_code_and_credit_code()
    {
        using var client = await app.SignedInAsync("admin");
        var bad = await client.PostFormAsync("/admin/departments/new",
            [new("Input.Code", "Bad Code"), new("Input.Kind", "Department"), new("Input.Name", "区大数据局"), new("Input.CreditCode", "11239901MH0000999X")]);
        Assert.Contains("机构代码只能由小写字母", await bad.Content.ReadAsStringAsync());

        var wrongCheck = await client.PostFormAsync("/admin/departments/new",
            [new("Input.Code", "dsjj"), new("Input.Kind", "Department"), new("Input.Name", "区大数据局"), new("Input.CreditCode", "11239901MH00009990")]);
        Assert.Contains("校验位不正确", await wrongCheck.Content.ReadAsStringAsync());

        var code = Domain.Organisation.CreditCode.Complete("11239901MH0009995");
        var ok = await client.PostFormAsync("/admin/departments/new",
            [new("Input.Code", "dsjj"), new("Input.Kind", "Department"), new("Input.Name", "区大数据局"), new("Input.CreditCode", code)]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("区大数据局", await app.Anonymous().GetStringAsync("/departments"));
    }
}

using System.Net;
using Gongkai.Hosting;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.Pages.PagesKit;

namespace Gongkai.Tests.Applications.Pages;

/// <summary>/admin/applications/new: applications received by post, in person, fax or e-mail.</summary>
public sealed class RegisterPageTests(ApplicationPagesFactory app) : IClassFixture<ApplicationPagesFactory>
{
    private static List<KeyValuePair<string, string>> Form(params (string Name, string? Value)[] change)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.Channel"] = "post",
            ["Input.ReceivedOn"] = "2026-02-10",
            ["Input.Department"] = "jyj",
            ["Input.ApplicantType"] = "natural-person",
            ["Input.Name"] = "李四",
            ["Input.IdNumber"] = "110101199003077777",
            ["Input.Phone"] = "13912345678",
            ["Input.Description"] = "2025年明湖区中小学校舍维修项目清单",
            ["Input.Form"] = "纸质文本",
            ["Input.Way"] = "当面领取",
        };
        foreach (var (name, value) in change) fields[name] = value;
        return [.. fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))];
    }

    [Fact]
    public async Task The_form_explains_the_receipt_date_of_each_channel()
    {
        using var office = await app.SignedInAsync("bangong");
        var page = await office.PageAsync("/admin/applications/new");
        foreach (var (code, rule) in new[] { ("in-person", "第三十一条第（一）项"), ("post", "签收之日"), ("post-ordinary", "确认之日"), ("fax", "传真"), ("email", "电子邮件") })
            Assert.Contains(rule, Between(page, $"<li data-channel=\"{code}\">", "</li>"));
        Assert.DoesNotContain("<option value=\"online\"", page);
        Assert.Equal(Iso(ChinaTime.Today(app.Clock)), ValueOf(page, "Input_ReceivedOn"));
    }

    [Fact]
    public async Task A_letter_is_registered_with_its_receipt_date_and_the_key_is_shown_once()
    {
        using var office = await app.SignedInAsync("bangong");
        var response = await office.PostFormAsync("/admin/applications/new", Form(), "/admin/applications/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await office.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Matches("已登记，查询码 YS2026-[2-9A-Z]{8}，查询密钥 [2-9A-Z-]{23}。", detail);
        Assert.Contains("2026年3月16日", Between(detail, "id=\"due-on\">", "</span>")); // 2026-02-10 + 20 working days
        Assert.Contains("邮寄（签收）", detail);
        Assert.Contains("以行政机关签收之日为收到申请之日", detail);
        Assert.Contains("1101**********7777", detail);
        Assert.DoesNotContain("13912345678", detail);
    }

    [Fact]
    public async Task Bad_input_comes_back_in_chinese_with_what_was_typed()
    {
        using var office = await app.SignedInAsync("bangong");
        var before = app.Db(db => db.Applications.Count());
        var tomorrow = Iso(ChinaTime.Today(app.Clock).AddDays(1));

        var page = await (await office.PostFormAsync("/admin/applications/new",
            Form(("Input.Channel", ""), ("Input.Name", ""), ("Input.ReceivedOn", "2026-13-01")), "/admin/applications/new")).TextAsync();
        Assert.Equal("请选择申请渠道", FieldError(page, "Input_Channel"));
        Assert.Equal("收到申请日期“2026-13-01”无效，格式应为 YYYY-MM-DD", FieldError(page, "Input_ReceivedOn"));
        Assert.Equal("请填写申请人姓名或名称", FieldError(page, "Input_Name"));
        Assert.Equal("2026-13-01", ValueOf(page, "Input_ReceivedOn"));
        Assert.Equal("13912345678", ValueOf(page, "Input_Phone"));

        // A date after today is refused by the domain; the form keeps it.
        page = await (await office.PostFormAsync("/admin/applications/new", Form(("Input.ReceivedOn", tomorrow)), "/admin/applications/new")).TextAsync();
        Assert.Contains("不能晚于今天", Summary(page));
        Assert.Equal(tomorrow, ValueOf(page, "Input_ReceivedOn"));

        page = await (await office.PostFormAsync("/admin/applications/new", Form(("Input.Channel", "online")), "/admin/applications/new")).TextAsync();
        Assert.Equal("网上申请由申请人在门户提交，请选择其他渠道", FieldError(page, "Input_Channel"));

        Assert.Equal(before, app.Db(db => db.Applications.Count()));
    }

    [Fact]
    public async Task Department_staff_register_for_their_own_department_and_supervisors_not_at_all()
    {
        using var editor = await app.SignedInAsync("xinxiyuan");
        var form = await editor.PageAsync("/admin/applications/new");
        Assert.Contains("value=\"区教育局\" readonly", form);
        var response = await editor.PostFormAsync("/admin/applications/new", Form(("Input.Department", "minzj"), ("Input.Description", "本部门登记测试")),
            "/admin/applications/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("jyj", app.Db(db => db.Departments.Single(d => d.Id == db.Applications.Single(a => a.Description == "本部门登记测试").DepartmentId).Code));

        using var supervisor = await app.SignedInAsync("jianduyuan");
        AdminKit.AssertDenied(await supervisor.GetAsync("/admin/applications/new"));
        using var citizen = app.Anonymous();
        var anonymous = await citizen.GetAsync("/admin/applications/new");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
    }
}

using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Catalogue;
using Gongkai.Features.Catalogue.AnnualReports;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Demo;

/// <summary>A few published items so that the demo portal is not empty (invented content).</summary>
internal static class DemoItems
{
    private static readonly (string Department, string Category, string Theme, string Title, string Number, string Summary, string Body)[] Items =
    [
        ("minzj", "a20-11", "t17-02", "明湖区关于调整城乡居民最低生活保障标准的通知", "明民发〔2026〕5号",
            "自2026年1月1日起，城市低保标准调整为每人每月880元，农村低保标准调整为每人每年7200元。",
            "<p>各街道办事处、乡镇人民政府：</p><p>为切实保障困难群众基本生活，经区政府同意，自2026年1月1日起调整我区城乡居民最低生活保障标准：城市低保标准由每人每月850元调整为880元；农村低保标准由每人每年6900元调整为7200元。</p><p>各单位要做好低保对象的动态管理，按规定进行两次公示，接受群众监督。</p>"),
        ("zfb", "a20-01", "t02-03", "明湖区人民政府办公室关于印发《明湖区政府信息公开工作规定》的通知", "明政办规〔2026〕1号",
            "规定政府信息主动公开、依申请公开的工作程序和时限。",
            "<p>各街道办事处、乡镇人民政府，区政府各部门：</p><p>《明湖区政府信息公开工作规定》已经区政府同意，现印发给你们，请认真贯彻执行。依申请公开应自收到申请之日起20个工作日内答复。</p>"),
        ("jyj", "jc-ywjy", "t11-02", "2026年明湖区义务教育阶段学校招生入学工作方案", "明教发〔2026〕8号",
            "公布2026年小学、初中招生范围、报名时间和入学条件。",
            "<p>一、招生范围：按学区划片招生，就近入学。</p><p>二、报名时间：2026年6月15日至6月30日。</p><p>三、咨询电话：0451-80000004。</p>"),
        ("czj", "a20-07", "t04-01", "明湖区2025年区级财政决算", "",
            "公开2025年区级一般公共预算、政府性基金预算决算情况。",
            "<p>2025年全区一般公共预算收入完成32.6亿元，支出完成58.1亿元，收支平衡。</p>"),
        ("zjj", "a21-fwzs", "t10-02", "明湖区安静街地块国有土地上房屋征收补偿方案（征求意见稿）", "",
            "就安静街地块房屋征收补偿方案公开征求意见，征求意见期30日。",
            "<p>为做好安静街地块旧城改造项目房屋征收与补偿工作，现将补偿方案公开征求意见，意见请于2026年4月30日前反馈区住房和城乡建设局。</p>"),
        ("rsj", "a20-14", "t15-03", "明湖区2026年公开招聘事业单位工作人员公告", "",
            "公开招聘事业单位工作人员42名，公布岗位、条件和报名方式。",
            "<p>经批准，区属事业单位公开招聘工作人员42名。报名时间为2026年3月10日至3月16日，详见附表。</p>"),
    ];

    public static async Task SeedAsync(GongkaiDbContext db, IndexNumberAllocator numbers, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Items.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var n = 0;
        foreach (var (deptCode, categoryCode, themeCode, title, number, summary, body) in Items)
        {
            var department = await db.Departments.SingleAsync(d => d.Code == deptCode, ct);
            var category = await db.Categories.SingleAsync(c => c.Code == categoryCode, ct);
            var theme = await db.Themes.SingleAsync(t => t.Code == themeCode, ct);
            var content = new ItemContent(title, department.Id, category.Id, today.AddDays(-10 - n), body, number, theme.Id, "", summary);
            var item = new DisclosureItem(content, "演示数据", now);
            item.Submit(now);
            item.Approve(now, null);
            item.MarkPublished(now, today.AddDays(-n), await numbers.NextAsync(department, today.Year, ct));
            db.Items.Add(item);
            await db.SaveChangesAsync(ct);
            n++;
        }
        await SeedAnnualReportAsync(db, numbers, now, today, ct);
    }

    /// <summary>
    /// The district government's report on last year, in the 年报 column, published before the
    /// 3月31日 of 第四十九条 (or today, early in the year). Short: the real one follows the national format.
    /// </summary>
    private static async Task SeedAnnualReportAsync(GongkaiDbContext db, IndexNumberAllocator numbers, DateTime now, DateOnly today, CancellationToken ct)
    {
        var year = today.Year - 1;
        var deadline = new DateOnly(today.Year, 3, 31);
        var publishedOn = today < deadline ? today : deadline.AddDays(-6);
        var writtenOn = publishedOn.AddDays(-5).Year == today.Year ? publishedOn.AddDays(-5) : new DateOnly(today.Year, 1, 1);
        var government = await db.Departments.SingleAsync(d => d.Code == "gov", ct);
        var column = await db.Categories.SingleAsync(c => c.Code == AnnualReportColumn.CategoryCode, ct);
        var theme = await db.Themes.SingleAsync(t => t.Code == "t02-03", ct); // 综合政务 › 政务公开
        var body =
            $"<p>本报告依据《中华人民共和国政府信息公开条例》第五十条和政府信息公开工作年度报告格式编制，所列数据统计期限为{year}年1月1日至{year}年12月31日。</p>" +
            "<h2>一、总体情况</h2><p>全区各级行政机关坚持以公开为常态、不公开为例外，围绕重点领域做好主动公开，依法办理政府信息公开申请。</p>" +
            "<h2>二、主动公开政府信息情况</h2><p>各机关通过本平台主动公开政府信息，按《条例》第二十条、第二十一条和基层政务公开标准目录分类编排。</p>" +
            "<h2>三、收到和处理政府信息公开申请情况</h2><p>依申请公开均在法定期限内答复。</p>" +
            "<h2>四、政府信息公开行政复议、行政诉讼情况</h2><p>详见统计表。</p>" +
            "<h2>五、存在的主要问题及改进情况</h2><p>部分部门信息更新不够及时，下一年度将加强监测和考核。</p>" +
            "<h2>六、其他需要报告的事项</h2><p>无。</p>";
        var content = new ItemContent($"{DemoDistrict.GovernmentName}{year}年政府信息公开工作年度报告", government.Id, column.Id, writtenOn, body, "",
            theme.Id, "年度报告 政府信息公开", $"{DemoDistrict.GovernmentName}{year}年度政府信息公开工作情况。");
        var item = new DisclosureItem(content, "演示数据", now);
        item.Submit(now);
        item.Approve(now, null);
        item.MarkPublished(now, publishedOn, await numbers.NextAsync(government, today.Year, ct));
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
    }
}

using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// The opinion topics every district starts with (also the Open311 services), each with the
/// department code the office usually assigns it to when that department exists. The office edits them.
/// </summary>
public sealed class CaseTopicSeeder(GongkaiDbContext db)
{
    public static readonly (string Code, string Name, string Group, string Description, string Keywords, string Department)[] Defaults =
    [
        ("city", "城市管理", "城乡建设", "市容环境、占道经营、违章搭建、道路设施", "市容,占道,违建,路灯", "cgj"),
        ("environment", "生态环境", "城乡建设", "噪声、油烟、污水、垃圾分类", "噪声,油烟,污水,垃圾", "hbj"),
        ("housing", "住房和物业", "城乡建设", "物业服务、老旧小区改造、房屋征收", "物业,小区,征收,拆迁", "zjj"),
        ("traffic", "交通出行", "城乡建设", "公交线路、停车、道路交通", "公交,停车,交通", "jtj"),
        ("education", "教育", "社会事业", "入学、学校管理、校外培训", "入学,学校,培训", "jyj"),
        ("health", "医疗卫生", "社会事业", "医院服务、公共卫生、疫苗", "医院,卫生,疫苗", "wjj"),
        ("welfare", "社会保障和救助", "社会事业", "低保、临时救助、养老服务、残疾人", "低保,救助,养老,残疾", "minzj"),
        ("employment", "就业和社保", "社会事业", "就业创业、社会保险、劳动争议", "就业,社保,工资", "rsj"),
        ("market", "市场监管", "经济发展", "食品安全、消费维权、价格", "食品,消费,价格", "scj"),
        ("business", "营商环境", "经济发展", "企业服务、审批办事", "企业,审批,营商", "zfb"),
        ("other", "其他", "其他", "以上类别以外的意见建议", "", "zfb"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.CaseTopics.AnyAsync(ct)) return;
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var order = 0;
        foreach (var (code, name, group, description, keywords, department) in Defaults)
            db.CaseTopics.Add(new CaseTopic
            {
                Code = code, Name = name, Group = group, Description = description, Keywords = keywords, SortOrder = order++,
                DefaultDepartmentId = departments.TryGetValue(department, out var id) ? id : null,
            });
        await db.SaveChangesAsync(ct);
    }
}

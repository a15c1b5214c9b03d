namespace Gongkai.Features.Catalogue;

/// <summary>
/// The catalogue columns every district starts with: 《条例》第二十条 items （一）–（十五）, the areas of
/// 第二十一条 for a district (设区的市级、县级人民政府及其部门) and for towns, and the grassroots
/// standard-catalogue areas (国办发〔2017〕42号 pilots; 国办发〔2019〕54号). The office edits the tree
/// afterwards; the codes stay stable for the API and imports.
/// </summary>
internal static class CatalogueReference
{
    public static readonly (string Code, string Name, string Basis, bool Required)[] Article20 =
    [
        ("a20-01", "行政法规、规章和规范性文件", "第二十条（一）", true),
        ("a20-02", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "第二十条（二）", true),
        ("a20-03", "国民经济和社会发展规划、专项规划、区域规划及相关政策", "第二十条（三）", false),
        ("a20-04", "国民经济和社会发展统计信息", "第二十条（四）", false),
        ("a20-05", "行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", "第二十条（五）", false),
        ("a20-06", "行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定", "第二十条（六）", false),
        ("a20-07", "财政预算、决算信息", "第二十条（七）", true),
        ("a20-08", "行政事业性收费项目及其依据、标准", "第二十条（八）", false),
        ("a20-09", "政府集中采购项目的目录、标准及实施情况", "第二十条（九）", false),
        ("a20-10", "重大建设项目的批准和实施情况", "第二十条（十）", false),
        ("a20-11", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", "第二十条（十一）", false),
        ("a20-12", "突发公共事件的应急预案、预警信息及应对情况", "第二十条（十二）", false),
        ("a20-13", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", "第二十条（十三）", false),
        ("a20-14", "公务员招考的职位、名额、报考条件等事项以及录用结果", "第二十条（十四）", false),
        ("a20-15", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", "第二十条（十五）", false),
    ];

    public static readonly (string Code, string Name)[] Article21 =
    [
        ("a21-szjs", "市政建设"), ("a21-ggfw", "公共服务"), ("a21-gysy", "公益事业"), ("a21-tdzs", "土地征收"),
        ("a21-fwzs", "房屋征收"), ("a21-zagl", "治安管理"), ("a21-shjz", "社会救助"),
    ];

    public static readonly (string Code, string Name)[] Grassroots =
    [
        ("jc-cxgh", "城乡规划"), ("jc-zdjsxm", "重大建设项目"), ("jc-ggzyjy", "公共资源交易"), ("jc-czyjs", "财政预决算"),
        ("jc-aqsc", "安全生产"), ("jc-ssgl", "税收管理"), ("jc-zdbc", "征地补偿"), ("jc-fwzsbc", "国有土地上房屋征收与补偿"),
        ("jc-bzxzf", "保障性住房"), ("jc-ncwfgz", "农村危房改造"), ("jc-sthj", "生态环境"), ("jc-ggwhfw", "公共文化服务"),
        ("jc-ggflfw", "公共法律服务"), ("jc-fp", "扶贫"), ("jc-jz", "救灾"), ("jc-spypjg", "食品药品监管"),
        ("jc-cszhzf", "城市综合执法"), ("jc-jy", "就业"), ("jc-shbx", "社会保险"), ("jc-shjz", "社会救助"),
        ("jc-ylfw", "养老服务"), ("jc-hjgl", "户籍管理"), ("jc-snbt", "涉农补贴"), ("jc-ywjy", "义务教育"),
        ("jc-wsjk", "卫生健康"), ("jc-szfw", "市政服务"),
    ];

    /// <summary>主题分类 (first level of the State Council's theme classification, with common second levels).</summary>
    public static readonly (string Code, string Name, string[] Children)[] Themes =
    [
        ("t01", "国务院组织机构", []),
        ("t02", "综合政务", ["应急管理", "电子政务", "政务公开", "其他"]),
        ("t03", "国民经济管理、国有资产监管", ["发展规划", "统计", "物价", "其他"]),
        ("t04", "财政、金融、审计", ["财政", "审计", "其他"]),
        ("t05", "国土资源、能源", ["土地", "矿产", "其他"]),
        ("t06", "农业、林业、水利", ["农业、畜牧业、渔业", "林业", "水利", "其他"]),
        ("t07", "工业、交通", ["公路", "信息产业（含电信）", "其他"]),
        ("t08", "商贸、海关、旅游", ["国内贸易（含供销）", "旅游", "其他"]),
        ("t09", "市场监管、安全生产监管", ["市场监管", "安全生产监管", "其他"]),
        ("t10", "城乡建设、环境保护", ["城市规划", "城乡建设（含住房）", "节能与资源综合利用", "其他"]),
        ("t11", "科技、教育", ["科技", "教育", "其他"]),
        ("t12", "文化、广电、新闻出版", ["文化", "其他"]),
        ("t13", "卫生、体育", ["卫生", "体育", "其他"]),
        ("t14", "人口与计划生育、妇女儿童工作", ["妇女儿童", "其他"]),
        ("t15", "劳动、人事、监察", ["劳动就业", "社会保障", "人事工作", "其他"]),
        ("t16", "公安、安全、司法", ["公安", "司法", "其他"]),
        ("t17", "民政、扶贫、救灾", ["减灾救灾", "社会福利", "扶贫", "其他"]),
        ("t18", "民族、宗教", []),
        ("t19", "对外事务", []),
        ("t20", "港澳台侨工作", []),
        ("t21", "国防", []),
        ("t22", "其他", []),
    ];
}

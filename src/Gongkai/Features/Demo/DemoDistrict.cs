namespace Gongkai.Features.Demo;

/// <summary>
/// The demo district: a fictional 明湖区 shaped like the seed's district (道里区, Harbin): a district
/// government, 33 working departments, streets and towns with communities and villages.
/// Names are typical of a district government; codes and numbers are invented (the credit codes
/// are valid by their check digits but belong to no real body).
/// </summary>
internal static class DemoDistrict
{
    public const string GovernmentName = "明湖区人民政府";
    public const string RegionCode = "239901"; // fictional administrative division code

    public static readonly (string Code, string Name, string Duties)[] Departments =
    [
        ("zfb", "区人民政府办公室", "负责区政府日常运转，承担政务公开、政府信息公开工作的组织协调和监督指导。"),
        ("fgj", "区发展和改革局", "拟订并组织实施全区国民经济和社会发展规划，统筹推进重大项目建设。"),
        ("jyj", "区教育局", "负责全区教育事业发展规划、中小学和幼儿园管理、招生入学工作。"),
        ("kgxj", "区科技和工业信息化局", "推进科技创新和工业、信息化发展。"),
        ("mzj", "区民族宗教事务局", "负责民族、宗教事务管理。"),
        ("gafj", "市公安局明湖分局", "负责辖区治安管理、户籍管理和交通安全。"),
        ("minzj", "区民政局", "负责社会救助、最低生活保障、养老服务、社区建设和婚姻登记。"),
        ("sfj", "区司法局", "负责法治政府建设、行政复议、人民调解和法律援助。"),
        ("czj", "区财政局", "负责财政预算编制和执行、政府采购和财政监督。"),
        ("rsj", "区人力资源和社会保障局", "负责就业创业、社会保险、劳动关系和人事管理。"),
        ("zrzyj", "区自然资源局", "负责国土空间规划、自然资源调查和不动产登记。"),
        ("sthjj", "区生态环境分局", "负责生态环境监督管理和污染防治。"),
        ("zjj", "区住房和城乡建设局", "负责住房保障、建筑市场监管和城乡建设。"),
        ("jtj", "区交通运输局", "负责区内交通运输规划和道路管理。"),
        ("swj", "区水务局", "负责水资源管理、防汛和供排水。"),
        ("nyj", "区农业农村局", "负责农业农村发展和乡村振兴。"),
        ("swuj", "区商务局", "负责商贸流通、招商引资和对外经济合作。"),
        ("wlj", "区文化广电和旅游局", "负责文化、广播电视、旅游和文物保护。"),
        ("wjj", "区卫生健康局", "负责医疗卫生、疾病预防控制和人口监测。"),
        ("tyjrj", "区退役军人事务局", "负责退役军人服务保障和优抚工作。"),
        ("yjj", "区应急管理局", "负责应急管理、安全生产和防灾减灾。"),
        ("sjj", "区审计局", "负责财政收支和政府投资项目审计监督。"),
        ("scjgj", "区市场监督管理局", "负责市场主体登记、食品药品安全和市场秩序监管。"),
        ("tjj", "区统计局", "负责统计调查和统计信息发布。"),
        ("ybj", "区医疗保障局", "负责医疗保险、医疗救助和医药价格管理。"),
        ("cgj", "区城市管理局", "负责市容环境卫生、城市管理执法。"),
        ("xfj", "区信访局", "负责来信来访接待和信访事项办理督办。"),
        ("spj", "区行政审批局", "负责集中办理行政许可事项，运行区政务服务中心。"),
        ("tyj", "区体育局", "负责全民健身和体育事业发展。"),
        ("lcj", "区林业和草原局", "负责林业、草原资源保护和绿化工作。"),
        ("jgswj", "区机关事务服务中心", "负责区政府机关后勤保障和公务用车管理。"),
        ("yshj", "区营商环境建设监督局", "负责优化营商环境、效能监察和投诉受理。"),
        ("daj", "区档案局", "负责档案管理和现行文件利用中心的运行。"),
    ];

    public static readonly (string Code, string Name, bool IsTown, string[] Communities)[] Streets =
    [
        ("jd-xinyang", "新阳路街道办事处", false, ["新阳社区", "友谊社区", "建国社区", "共乐社区"]),
        ("jd-anjing", "安静街道办事处", false, ["安静社区", "地段社区", "经纬社区"]),
        ("jd-shangzhi", "尚志街道办事处", false, ["尚志社区", "红专社区", "西十社区"]),
        ("jd-chengxiang", "城乡路街道办事处", false, ["城乡社区", "工农社区", "康安社区"]),
        ("xz-xinfa", "新发镇人民政府", true, ["新发村", "永胜村", "民强村"]),
        ("xz-taiping", "太平镇人民政府", true, ["太平村", "胜利村", "东兴村"]),
    ];

    public static readonly (string Name, string Title, string Responsibilities)[] GovernmentLeaders =
    [
        ("张明", "区长", "主持区政府全面工作。"),
        ("李华", "常务副区长", "负责区政府常务工作，分管政务公开、财政、审计工作。"),
        ("王芳", "副区长", "分管教育、卫生健康、民政工作。"),
    ];
}

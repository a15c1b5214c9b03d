using System.Globalization;
using System.Text;
using Gongkai.Features.Search;

namespace Gongkai.Tests.Search;

/// <summary>
/// Pseudo-random government notices from a fixed vocabulary (seeded, so a failure reproduces).
/// Words repeat across documents and are glued without spaces, as in real Chinese text, so a
/// random substring often spans two words: the case a word segmenter gets wrong.
/// </summary>
internal static class SearchCorpus
{
    public static readonly string[] Words =
    [
        "低保", "拆迁", "医疗救助", "政府信息公开", "区政府", "街道办事处", "民政局", "住房保障", "城市管理", "社会保险",
        "养老服务", "义务教育", "就业创业", "残疾人", "退役军人", "公共卫生", "应急管理", "安全生产", "环境保护", "食品安全",
        "通知", "关于", "印发", "实施方案", "办法", "规定", "意见", "工作", "加强", "进一步", "做好", "落实", "开展", "申请",
        "补贴", "标准", "调整", "年度", "报告", "公示", "名单", "审批", "许可", "征收", "补偿", "安置", "困难群众", "临时救助",
        "特困人员", "供养", "资金", "发放", "监督", "检查", "整改", "政策", "解读", "会议", "决定", "事项", "办理", "流程",
    ];

    private static readonly string[] Punctuation = ["，", "。", "、", "；", "：", " "];
    private static readonly string[] Departments = ["gov", "mz", "zj", "rs", "wj"];
    private static readonly string[] Categories = ["tz", "gg", "zc", "bg"];
    private static readonly string[] Themes = ["sh", "jj", "cs"];
    private static readonly string[] Validities = ["有效", "失效", "废止"];

    public static List<SearchDocument> Generate(int count, int seed = 20261127)
    {
        var random = new Random(seed);
        var docs = new List<SearchDocument>(count);
        for (var i = 1; i <= count; i++)
        {
            var dept = Departments[random.Next(Departments.Length)];
            var published = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 8 * 365));
            docs.Add(new SearchDocument(
                Id: i,
                Title: Text(random, random.Next(3, 7), punctuate: false),
                Body: Text(random, random.Next(20, 80), punctuate: true),
                AttachmentText: random.Next(3) == 0 ? Text(random, random.Next(20, 60), punctuate: true) : null,
                DocumentNumber: random.Next(2) == 0 ? $"明{dept}发〔{published.Year}〕{random.Next(1, 120)}号" : null,
                IndexNumber: $"11230100MB{i % 10:D1}/{published.Year}-{i:D5}",
                DepartmentCode: dept,
                DepartmentName: dept + "部门",
                CategoryCode: Categories[random.Next(Categories.Length)],
                ThemeCode: random.Next(4) == 0 ? null : Themes[random.Next(Themes.Length)],
                PublishedOn: published,
                Validity: Validities[random.Next(Validities.Length)],
                Url: "/items/" + i.ToString(CultureInfo.InvariantCulture)));
        }
        return docs;
    }

    private static string Text(Random random, int words, bool punctuate)
    {
        var text = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            text.Append(Words[random.Next(Words.Length)]);
            if (punctuate && random.Next(4) == 0) text.Append(Punctuation[random.Next(Punctuation.Length)]);
        }
        return text.ToString();
    }

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>What a search must find: every item with the substring in any searched field.</summary>
    public static HashSet<long> Truth(IEnumerable<SearchDocument> docs, string needle) =>
        docs.Where(d => d.Title.Contains(needle, StringComparison.Ordinal)
                        || d.Body.Contains(needle, StringComparison.Ordinal)
                        || (d.AttachmentText?.Contains(needle, StringComparison.Ordinal) ?? false)
                        || (d.DocumentNumber?.Contains(needle, StringComparison.Ordinal) ?? false)
                        || (d.IndexNumber?.Contains(needle, StringComparison.Ordinal) ?? false))
            .Select(d => d.Id).ToHashSet();

    /// <summary>Every Id a query finds, page by page.</summary>
    public static HashSet<long> AllIds(SearchIndex index, string text, out long total)
    {
        var ids = new HashSet<long>();
        var first = index.Search(new SearchQuery(text, null, null, null, null, null, PageSize: 100));
        total = first.Total;
        for (var page = 1; (page - 1) * 100 < first.Total; page++)
        {
            var result = page == 1 ? first : index.Search(new SearchQuery(text, null, null, null, null, null, Page: page, PageSize: 100));
            foreach (var hit in result.Hits) ids.Add(hit.Id);
        }
        return ids;
    }
}

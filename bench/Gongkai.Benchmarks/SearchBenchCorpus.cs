using System.Globalization;
using System.Text;
using Gongkai.Features.Search;

namespace Gongkai.Benchmarks;

/// <summary>
/// Synthetic government notices for the search benchmarks, deterministic for a given seed.
/// Words follow a Zipf law (a few very common, a long tail), as in real text, so that common
/// bigrams (政府, 工作) hit a large share of the items, the hard case for a 2-character query.
/// Vocabulary: 16 generic words at the top, 100 topic words spread over ranks 40–4,000, and 20,000
/// made-up two- and three-character words drawn from 500 common characters. Sizes: title 8–30
/// characters, body 150–1,500 (mean ≈ 830), an attachment of 500–4,000 on one item in five.
/// </summary>
public static class SearchBenchCorpus
{
    // Words every notice uses: the top of the frequency ranking.
    private static readonly string[] GenericWords =
    [
        "政府", "工作", "通知", "关于", "有关", "要求", "情况", "部门", "单位", "服务", "管理", "建设", "发展", "落实", "开展", "加强",
    ];

    // What visitors look for: spread from rank 40 to about 4,000, so that each is in roughly 1% to 60% of items.
    private static readonly string[] TopicWords =
    [
        "区政府", "人民政府", "街道办事处", "民政局", "财政局", "人力资源", "社会保障", "住房", "城乡建设", "卫生健康",
        "低保", "拆迁", "医疗救助", "政府信息公开", "临时救助", "特困人员", "困难群众", "最低生活保障", "养老服务", "义务教育", "就业创业",
        "残疾人", "退役军人", "公共卫生", "应急管理", "安全生产", "生态环境", "食品安全", "市场监管", "征收", "补偿", "安置", "棚户区改造",
        "印发", "实施方案", "管理办法", "规定", "意见", "进一步", "做好", "申请", "补贴", "标准", "调整", "年度", "报告", "公示", "名单",
        "审批", "许可", "资金", "发放", "监督", "检查", "整改", "政策", "解读", "会议", "决定", "事项", "办理", "流程", "群众", "依法",
        "行政", "执法", "信访", "统计", "预算", "决算", "采购", "招标", "项目", "农村", "社区", "居民", "企业", "学校", "医保", "公积金",
        "入学", "招聘", "疫苗", "燃气", "供暖", "物业", "老旧小区", "垃圾分类", "停车", "营商环境", "减税降费", "防汛", "消防", "地名",
    ];

    private const string CommonChars =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经" +
        "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形" +
        "相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展" +
        "五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战" +
        "先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白" +
        "教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且" +
        "究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值";

    public static readonly string[] Vocabulary = BuildVocabulary();

    private static string[] BuildVocabulary()
    {
        var random = new Random(1);
        var seen = new HashSet<string>(GenericWords.Concat(TopicWords));
        var filler = new List<string>(20_000);
        while (filler.Count < 20_000)
        {
            var length = random.Next(4) == 0 ? 3 : 2;
            var word = string.Create(length, random, (span, r) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = CommonChars[r.Next(CommonChars.Length)];
            });
            if (seen.Add(word)) filler.Add(word);
        }
        var words = new List<string>(GenericWords);
        words.AddRange(filler);
        for (var i = 0; i < TopicWords.Length; i++) words.Insert(40 + i * 40, TopicWords[i]);
        return [.. words];
    }

    // Cumulative Zipf weights (s = 1) over the vocabulary, in its order.
    private static readonly double[] Cumulative = BuildCumulative();

    private static double[] BuildCumulative()
    {
        var c = new double[Vocabulary.Length];
        var sum = 0.0;
        for (var i = 0; i < c.Length; i++) c[i] = sum += 1.0 / (i + 1);
        for (var i = 0; i < c.Length; i++) c[i] /= sum;
        return c;
    }

    private static string Word(Random random)
    {
        var i = Array.BinarySearch(Cumulative, random.NextDouble());
        return Vocabulary[Math.Min(i < 0 ? ~i : i, Vocabulary.Length - 1)];
    }

    private static readonly string[] Punctuation = ["，", "，", "。", "、", "；", "：", "\n"];
    private static readonly string[] Validities = ["有效", "有效", "有效", "失效", "废止"];

    /// <summary>Item <paramref name="id"/> (1-based); the same id always gives the same item.</summary>
    public static SearchDocument Item(long id)
    {
        var random = new Random(unchecked((int)(id * 2_654_435_761L)));
        var dept = random.Next(40);
        var published = new DateOnly(2008, 1, 1).AddDays(random.Next(0, 19 * 365));
        return new SearchDocument(
            Id: id,
            Title: Text(random, random.Next(8, 31), punctuate: false),
            Body: Text(random, random.Next(150, 1_501), punctuate: true),
            AttachmentText: random.Next(5) == 0 ? Text(random, random.Next(500, 4_001), punctuate: true) : null,
            DocumentNumber: random.Next(3) == 0 ? $"明{Vocabulary[dept]}发〔{published.Year}〕{random.Next(1, 200)}号" : null,
            IndexNumber: string.Create(CultureInfo.InvariantCulture, $"11230100MB{dept:D2}/{published.Year}-{id:D6}"),
            DepartmentCode: "d" + dept.ToString(CultureInfo.InvariantCulture),
            DepartmentName: Vocabulary[dept] + "局",
            CategoryCode: "c" + random.Next(12).ToString(CultureInfo.InvariantCulture),
            ThemeCode: random.Next(3) == 0 ? null : "t" + random.Next(20).ToString(CultureInfo.InvariantCulture),
            PublishedOn: published,
            Validity: Validities[random.Next(Validities.Length)],
            Url: "/items/" + id.ToString(CultureInfo.InvariantCulture));
    }

    public static IEnumerable<SearchDocument> Items(long from, long count)
    {
        for (var id = from; id < from + count; id++) yield return Item(id);
    }

    private static string Text(Random random, int chars, bool punctuate)
    {
        var text = new StringBuilder(chars + 8);
        while (text.Length < chars)
        {
            text.Append(Word(random));
            if (punctuate && random.Next(5) == 0) text.Append(Punctuation[random.Next(Punctuation.Length)]);
        }
        return text.ToString();
    }

    /// <summary>
    /// Queries of a given length: half are topic words or their start (what visitors type), half
    /// are substrings cut at random from item bodies, which follow word frequency and so include
    /// many strings found in a large share of the items (the slow case).
    /// </summary>
    public static string[] Queries(int length, int count, int seed = 99)
    {
        var random = new Random(seed + length);
        var queries = new List<string>(count);
        var topics = GenericWords.Concat(TopicWords).Where(w => w.Length >= length).Select(w => w[..length]).Distinct().ToArray();
        while (queries.Count < count)
        {
            if (queries.Count % 2 == 0 && topics.Length > 0) { queries.Add(topics[random.Next(topics.Length)]); continue; }
            var body = Item(random.Next(1, 100_000)).Body;
            var start = random.Next(body.Length - length);
            var q = body.Substring(start, length);
            if (q.All(c => c is >= '\u4E00' and <= '\u9FFF')) queries.Add(q);
        }
        return [.. queries];
    }
}

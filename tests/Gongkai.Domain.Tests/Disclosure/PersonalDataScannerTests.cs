using System.Diagnostics;
using System.Text;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public sealed class PersonalDataScannerTests
{
    // Every ID number below was given its MOD 11-2 check character, and every card number its Luhn
    // digit, by an independent script (Python), not by the code under test.
    [Theory]
    [InlineData("申请人身份证号码110101199003074573，请核实。", PersonalDataKind.IdNumber, 8, 18, "1101**********4573")] // ID in a sentence
    [InlineData("身份证：11010519491231002X", PersonalDataKind.IdNumber, 4, 18, "1101**********002X")] // check character X
    [InlineData("证件号11010519491231002x。", PersonalDataKind.IdNumber, 3, 18, "1101**********002x")] // check character x
    [InlineData("身份证号２３０１０２１９９００３０７１２３７，男", PersonalDataKind.IdNumber, 4, 18, "２３０１**********１２３７")] // full-width digits
    [InlineData("证号１１０１０５１９４９１２３１００２Ｘ", PersonalDataKind.IdNumber, 2, 18, "１１０１**********００２Ｘ")] // full-width Ｘ
    [InlineData("440304198511115679是本人", PersonalDataKind.IdNumber, 0, 18, "4403**********5679")] // at the start
    [InlineData("号码为510123200002290010", PersonalDataKind.IdNumber, 3, 18, "5101**********0010")] // leap day at the end
    [InlineData("（810000198001010014）", PersonalDataKind.IdNumber, 1, 18, "8100**********0014")] // Hong Kong region 81
    [InlineData("张三\t320584197808163218\t男", PersonalDataKind.IdNumber, 3, 18, "3205**********3218")] // table cell
    [InlineData("650102199912318880", PersonalDataKind.IdNumber, 0, 18, "6501**********8880")] // whole text
    [InlineData("联系电话：13800138000。", PersonalDataKind.MobileNumber, 5, 11, "138****8000")] // mobile
    [InlineData("手机 138 0013 8000 联系", PersonalDataKind.MobileNumber, 3, 13, "138 **** 8000")] // mobile 3-4-4 spaces
    [InlineData("电话138-0013-8000", PersonalDataKind.MobileNumber, 2, 13, "138-****-8000")] // mobile 3-4-4 hyphens
    [InlineData("+8613912345678", PersonalDataKind.MobileNumber, 0, 14, "+86139****5678")] // +86 glued
    [InlineData("电话 +86 139 1234 5678", PersonalDataKind.MobileNumber, 3, 17, "+86 139 **** 5678")] // +86 and spaces
    [InlineData("电话+86-139-1234-5678。", PersonalDataKind.MobileNumber, 2, 17, "+86-139-****-5678")] // +86 and hyphens
    [InlineData("拨打86 15012345678即可", PersonalDataKind.MobileNumber, 2, 14, "86 150****5678")] // 86 and a space
    [InlineData("0086 138 0013 8000", PersonalDataKind.MobileNumber, 0, 18, "0086 138 **** 8000")] // 0086 and spaces
    [InlineData("电话008613800138000", PersonalDataKind.MobileNumber, 2, 15, "0086138****8000")] // 0086 glued
    [InlineData("1086 13800138000", PersonalDataKind.MobileNumber, 5, 11, "138****8000")] // 1086 is no country code
    [InlineData("tel:(+86)17712345678", PersonalDataKind.MobileNumber, 9, 11, "177****5678")] // 86 in brackets stays outside
    [InlineData("手机１９９１２３４５６７８", PersonalDataKind.MobileNumber, 2, 11, "１９９****５６７８")] // full-width mobile
    [InlineData("电话186\u30001234\u30005678", PersonalDataKind.MobileNumber, 2, 13, "186\u3000****\u30005678")] // ideographic spaces
    [InlineData("号码15912345678,请回电", PersonalDataKind.MobileNumber, 2, 11, "159****5678")] // ASCII comma after
    [InlineData("卡号6222021234567890128，开户行", PersonalDataKind.BankCard, 2, 19, "6222***********0128")] // card 19 digits
    [InlineData("账号：6228480012345671", PersonalDataKind.BankCard, 3, 16, "6228********5671")] // card 16 digits
    [InlineData("卡号 6222 0212 3456 7890 128 户名", PersonalDataKind.BankCard, 3, 23, "6222 **** **** ***0 128")] // card grouped by spaces
    [InlineData("Visa 4367-4212-3456-7896", PersonalDataKind.BankCard, 5, 19, "4367-****-****-7896")] // card grouped by hyphens
    [InlineData("卡号62170012345678907", PersonalDataKind.BankCard, 2, 17, "6217*********8907")] // card 17 digits
    [InlineData("卡号621700123456789011。", PersonalDataKind.BankCard, 2, 18, "6217**********9011")] // card 18 digits
    [InlineData("No.6228480012345671", PersonalDataKind.BankCard, 3, 16, "6228********5671")] // card after No.
    public void Finds_personal_data(string text, PersonalDataKind kind, int offset, int length, string masked)
    {
        var hit = Assert.Single(PersonalDataScanner.Scan(text, "正文"));

        Assert.Equal(kind, hit.Kind);
        Assert.Equal("正文", hit.Source);
        Assert.Equal(offset, hit.Offset);
        Assert.Equal(length, hit.Length);
        Assert.Equal(masked, hit.Masked);
        Assert.Contains(masked, hit.Context, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("索引号：11239901MH0000037C/2026-00001")] // 索引号 with a credit code
    [InlineData("索引号：000014349/2020-00072")] // 索引号 with an organisation code
    [InlineData("索引号：112301001000004124/2026-00001")] // 索引号 whose all-digit credit code passes Luhn
    [InlineData("国办发〔2019〕60号")] // 文号
    [InlineData("国办公开办函〔2021〕30号")] // 文号
    [InlineData("成文日期：20190515")] // date
    [InlineData("发布日期：2019-05-15")] // date
    [InlineData("合计1,234,567.89元")] // amount
    [InlineData("邮编150001")] // postal code
    [InlineData("统一社会信用代码91350100M000100Y43")] // 统一社会信用代码
    [InlineData("110101199003074577")] // ID with a wrong check digit (passes Luhn)
    [InlineData("110101199002304576")] // ID with 1990-02-30
    [InlineData("990101199003074577")] // ID with region 99
    [InlineData("1234567110101199003074573")] // ID inside 25 digits
    [InlineData("11010519491231002X5")] // X then a digit
    [InlineData("11010519491231003X")] // wrong X
    [InlineData("6228480012345672")] // 16 digits failing Luhn
    [InlineData("订单号62220212345678901234")] // 20 digits passing Luhn
    [InlineData("6222 0212 3456 7890 1234")] // five groups of four
    [InlineData("咨询电话：0451-86661234")] // landline
    [InlineData("0451 8666 1234")] // landline in groups
    [InlineData("400-810-8888")] // service number 400
    [InlineData("12345678901")] // 11 digits starting 12
    [InlineData("10086100861")] // 11 digits starting 10
    [InlineData("11012345678")] // 11 digits starting 11
    [InlineData("138001380001")] // 12 digits
    [InlineData("DD13800138000")] // Latin letters glued on
    [InlineData("0.6228480012345671")] // decimal fraction
    [InlineData("1380 0138 000")] // 4-4-3 grouping
    [InlineData("12-6222-0212-3456-7890-128")] // a card's groups at the tail of a longer number
    [InlineData("编号2024-138-0013-8000")] // a mobile's groups at the tail of a longer number
    public void Leaves_alone_what_is_not_personal_data(string text) =>
        Assert.Empty(PersonalDataScanner.Scan(text, "正文"));

    [Fact]
    public void Reports_every_hit_in_order_with_its_source()
    {
        const string text = "姓名张三，身份证110101199003074573，手机138-0013-8000，卡号6228480012345671。";

        var hits = PersonalDataScanner.Scan(text, "附件：名单.pdf");

        Assert.Equal([PersonalDataKind.IdNumber, PersonalDataKind.MobileNumber, PersonalDataKind.BankCard], hits.Select(h => h.Kind));
        Assert.Equal([8, 29, 45], hits.Select(h => h.Offset));
        Assert.Equal(["110101199003074573", "138-0013-8000", "6228480012345671"], hits.Select(h => text.Substring(h.Offset, h.Length)));
        Assert.All(hits, h => Assert.Equal("附件：名单.pdf", h.Source));
    }

    [Fact]
    public void Context_is_fifteen_characters_either_side_with_ellipses_where_cut()
    {
        var text = new string('甲', 30) + "110101199003074573" + new string('乙', 30);

        var hit = Assert.Single(PersonalDataScanner.Scan(text, "正文"));

        Assert.Equal(30, hit.Offset);
        Assert.Equal("…" + new string('甲', 15) + "1101**********4573" + new string('乙', 15) + "…", hit.Context);
    }

    [Fact]
    public void Context_shows_line_breaks_as_spaces_and_is_not_cut_inside_a_short_text()
    {
        var hit = Assert.Single(PersonalDataScanner.Scan("联系人：张三\n电话：13800138000\n地址：某某路1号", "正文"));

        Assert.Equal(10, hit.Offset);
        Assert.Equal("联系人：张三 电话：138****8000 地址：某某路1号", hit.Context);
    }

    [Fact]
    public void Context_masks_a_neighbouring_hit_too()
    {
        var hits = PersonalDataScanner.Scan("电话13800138000,13912345678", "正文");

        Assert.Equal(2, hits.Count);
        Assert.Equal(["138****8000", "139****5678"], hits.Select(h => h.Masked));
        Assert.All(hits, h => Assert.Equal("电话138****8000,139****5678", h.Context));
    }

    [Fact]
    public void Context_never_cuts_a_character_outside_the_basic_plane_in_half()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 20)) + "13800138000";

        var hit = Assert.Single(PersonalDataScanner.Scan(text, "正文"));

        Assert.Equal(40, hit.Offset);
        Assert.Equal("…" + string.Concat(Enumerable.Repeat("😀", 7)) + "138****8000", hit.Context);
    }

    [Fact]
    public void An_id_number_is_not_also_reported_as_a_bank_card()
    {
        // 110101199003074573 also passes Luhn (checked independently), so only the ID rule going
        // first keeps it from being reported twice or as a card.
        var hit = Assert.Single(PersonalDataScanner.Scan("110101199003074573", "正文"));

        Assert.Equal(PersonalDataKind.IdNumber, hit.Kind);
    }

    [Fact]
    public void Empty_text_has_no_hits_and_null_is_refused()
    {
        Assert.Empty(PersonalDataScanner.Scan("", "正文"));
        Assert.Throws<ArgumentNullException>(() => PersonalDataScanner.Scan(null!, "正文"));
        Assert.Throws<ArgumentNullException>(() => PersonalDataScanner.Scan("正文", null!));
    }

    [Theory]
    [InlineData(PersonalDataKind.IdNumber, "身份证号码")]
    [InlineData(PersonalDataKind.MobileNumber, "手机号码")]
    [InlineData(PersonalDataKind.BankCard, "银行卡号")]
    public void Kind_names_are_the_chinese_terms(PersonalDataKind kind, string name) =>
        Assert.Equal(name, PersonalDataScanner.KindName(kind));

    [Fact]
    public void A_megabyte_of_text_scans_quickly()
    {
        const string line = "正文内容，联系电话13800138000，身份证号110101199003074573。索引号11239901MH0000037C/2026-00001，"
            + "咨询电话0451-86661234，金额1,234,567.89元，日期20190515，订单号62220212345678901234。\n";
        var builder = new StringBuilder();
        var lines = 0;
        while (builder.Length < 1_000_000)
        {
            builder.Append(line);
            lines++;
        }
        var text = builder.ToString();
        PersonalDataScanner.Scan(line, "正文"); // JIT

        // Best of three, so a busy machine does not fail the test; a scan that looked back or
        // rescanned (quadratic) would take minutes on a megabyte, far past any bound here.
        var best = long.MaxValue;
        IReadOnlyList<PersonalDataHit> hits = [];
        for (var run = 0; run < 3; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            hits = PersonalDataScanner.Scan(text, "正文");
            best = Math.Min(best, stopwatch.ElapsedMilliseconds);
        }

        Assert.Equal(2 * lines, hits.Count);
        // About 15 ms in Release on a quiet machine; the bound leaves room for Debug and a busy CI runner.
        Assert.InRange(best, 0, 1000);
    }
}

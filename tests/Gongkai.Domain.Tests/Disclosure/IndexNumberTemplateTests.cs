using Gongkai.Domain.Common;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public sealed class IndexNumberTemplateTests
{
    private const string Credit = "11239901MH0000037C";

    [Theory]
    [InlineData(IndexNumberTemplate.Default, 2026, 1, "11239901MH0000037C/2026-00001")]
    [InlineData(IndexNumberTemplate.Default, 2026, 99999, "11239901MH0000037C/2026-99999")]
    // Wider than the padding: written in full, never cut (cutting would repeat 23456).
    [InlineData(IndexNumberTemplate.Default, 2026, 123456, "11239901MH0000037C/2026-123456")]
    [InlineData(IndexNumberTemplate.Default, 987, 42, "11239901MH0000037C/0987-00042")]
    // regulation.md §3.1 formats.
    [InlineData("{部门代码}-{YYYY}-{NNNNNN}", 2020, 153077, "01527918X-2020-153077")]
    [InlineData("{部门代码}/{YYYY}-{NNNNN}", 2024, 94, "01527918X/2024-00094")]
    [InlineData("{统一社会信用代码}/{YYYY}-{N}", 2026, 7, "11239901MH0000037C/2026-7")]
    [InlineData("{统一社会信用代码}/{YYYY}-{N}", 2026, 12, "11239901MH0000037C/2026-12")]
    [InlineData("{部门代码}{NNNNNNNNN}", 2026, 42, "01527918X000000042")]
    [InlineData("GK-{统一社会信用代码}-{部门代码}-{YYYY}/{NNN}", 2026, 5, "GK-11239901MH0000037C-01527918X-2026/005")]
    public void Formats_index_numbers(string template, int year, int sequence, string expected) =>
        Assert.Equal(expected, IndexNumberTemplate.Parse(template).Format(Credit, "01527918X", year, sequence));

    [Theory]
    [InlineData(IndexNumberTemplate.Default, true)]
    [InlineData("{部门代码}-{YYYY}-{NNNNNN}", true)]
    [InlineData("{部门代码}-{NNNNNNNN}", false)]
    public void Restarts_yearly_only_with_a_year_in_the_template(string template, bool restarts)
    {
        var parsed = IndexNumberTemplate.Parse(template);

        Assert.Equal(restarts, parsed.RestartsYearly);
        Assert.Equal(template, parsed.Template);
    }

    [Fact]
    public void The_default_is_credit_code_year_and_five_digits() =>
        Assert.Equal("{统一社会信用代码}/{YYYY}-{NNNNN}", IndexNumberTemplate.Default);

    [Theory]
    [InlineData("", "索引号模板不能为空")]
    [InlineData("   ", "索引号模板不能为空")]
    [InlineData("{统一社会信用代码}/{YYYY}{MM}-{NNNNN}",
        "索引号模板含有未知的占位符“{MM}”，可用的占位符有：{统一社会信用代码}、{部门代码}、{YYYY}、{N…N}（1至9个N，如 {NNNNN}）")]
    [InlineData("{统一社会信用代码}/{yyyy}-{NNNNN}",
        "索引号模板含有未知的占位符“{yyyy}”，可用的占位符有：{统一社会信用代码}、{部门代码}、{YYYY}、{N…N}（1至9个N，如 {NNNNN}）")]
    [InlineData("{组织机构代码}/{YYYY}-{NNNNN}",
        "索引号模板含有未知的占位符“{组织机构代码}”，可用的占位符有：{统一社会信用代码}、{部门代码}、{YYYY}、{N…N}（1至9个N，如 {NNNNN}）")]
    [InlineData("{统一社会信用代码}/{}-{NNNNN}",
        "索引号模板含有未知的占位符“{}”，可用的占位符有：{统一社会信用代码}、{部门代码}、{YYYY}、{N…N}（1至9个N，如 {NNNNN}）")]
    [InlineData("{统一社会信用代码}/{YYYY}", "索引号模板必须含有流水号占位符，如 {NNNNN}")]
    [InlineData("{统一社会信用代码}/{YYYY}-{NNNNNNNNNN}", "索引号模板的流水号占位符最多9位，“{NNNNNNNNNN}”有10位")]
    [InlineData("{部门代码}-{NN}-{NNN}", "索引号模板只能含有一个流水号占位符")]
    [InlineData("{YYYY}-{NNNNN}", "索引号模板必须含有 {统一社会信用代码} 或 {部门代码}，否则不同部门的索引号会重复")]
    [InlineData("{统一社会信用代码}/{YYYY}-{NNNNN", "索引号模板第19个字符“{”没有对应的“}”")]
    [InlineData("{统一社会信用代码/{YYYY}-{NNNNN}", "索引号模板第1个字符“{”没有对应的“}”")]
    [InlineData("{统一社会信用代码}}/{NNNNN}", "索引号模板第11个字符“}”没有对应的“{”")]
    public void Refuses_templates_that_cannot_make_unique_numbers(string template, string message)
    {
        var error = Assert.Throws<DomainException>(() => IndexNumberTemplate.Parse(template));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(IndexNumberTemplate.Default, "", "01527918X", "发布机构未设置统一社会信用代码，无法生成索引号")]
    [InlineData("{部门代码}/{YYYY}-{NNNNN}", Credit, " ", "发布机构未设置部门代码，无法生成索引号")]
    public void A_missing_code_is_a_domain_error(string template, string creditCode, string departmentCode, string message)
    {
        var parsed = IndexNumberTemplate.Parse(template);

        var error = Assert.Throws<DomainException>(() => parsed.Format(creditCode, departmentCode, 2026, 1));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_code_the_template_does_not_use_may_be_empty() =>
        Assert.Equal("11239901MH0000037C/2026-00001", IndexNumberTemplate.Parse(IndexNumberTemplate.Default).Format(Credit, "", 2026, 1));

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    public void Sequence_and_year_out_of_range_are_programming_errors(int year, int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IndexNumberTemplate.Parse(IndexNumberTemplate.Default).Format(Credit, "", year, sequence));
}

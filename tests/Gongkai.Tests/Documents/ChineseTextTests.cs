using Gongkai.Features.Documents;

namespace Gongkai.Tests.Documents;

public sealed class ChineseTextTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(35, "三十五")]
    [InlineData(99, "九十九")]
    public void Heading_numerals(int n, string expected) => Assert.Equal(expected, ChineseText.Numeral(n));

    [Theory]
    [InlineData(2026, 11, 27, "2026年11月27日")]
    [InlineData(2027, 1, 5, "2027年1月5日")]
    public void Dates_have_no_leading_zeros(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ChineseText.Date(new DateOnly(y, m, d)));

    /// <summary>Each character one unit wide, Latin half.</summary>
    private static double Width(string s) => ChineseText.EmWidth(s);

    [Theory]
    // Plain breaking: 5 characters a line.
    [InlineData("一二三四五六七八九十", 5, "一二三四五|六七八九十")]
    // "。" would start line 2: "五" goes down with it.
    [InlineData("一二三四五。六七", 5, "一二三四|五。六七")]
    // Two closers in a row go down together with the character before them.
    [InlineData("一二三四五）。六", 5, "一二三四|五）。六")]
    // "（" would end line 1: it moves down.
    [InlineData("一二三四（五）", 5, "一二三四|（五）")]
    // Latin words and numbers stay whole: "2026" does not fit after "一二三四".
    [InlineData("一二三2026年", 5, "一二三2026|年")]
    [InlineData("一二三四2026年", 5, "一二三四|2026年")]
    // A decimal number is one word.
    [InlineData("一二三四3.14", 5, "一二三四|3.14")]
    // A Latin word longer than a line is cut.
    [InlineData("ABCDEFGHIJKLMNOP", 5, "ABCDEFGHIJ|KLMNOP")]
    // '\n' forces a break; spaces at a break vanish.
    [InlineData("一二\n三四", 5, "一二|三四")]
    [InlineData("一二三四 ABC", 5, "一二三四|ABC")]
    // Punctuation only: nothing better than breaking where it overflows.
    [InlineData("一。。。。。。", 5, "一。。。。|。。")]
    public void Lines_break_between_characters_but_not_before_closing_punctuation(string text, double width, string expected)
    {
        var lines = ChineseText.BreakLines(text, Width, width, width);
        Assert.Equal(expected, string.Join('|', lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.True(Width(l.Text) <= width, $"{l.Text} is too wide"));
        Assert.True(lines[^1].EndsParagraph);
    }

    [Fact]
    public void The_first_line_is_shorter_by_its_indent()
    {
        var lines = ChineseText.BreakLines(new string('字', 12), Width, 3, 5);
        Assert.Equal([3, 5, 4], lines.Select(l => l.Text.Length));
        Assert.Equal([false, false, true], lines.Select(l => l.EndsParagraph));
    }

    [Theory]
    // name 10, date 7 (2026年11月27日): name 2 from the margin, the date starts 2 to the right of the name
    [InlineData(10, 7, 2, 3)]
    // a short name: the date keeps 2, the name moves right (7.3.5.2)
    [InlineData(7, 7, 4, 2)]
    public void Signature_indents(double name, double date, double nameIndent, double dateIndent)
    {
        Assert.Equal((nameIndent, dateIndent), ChineseText.SignatureIndents(name, date));
        Assert.Equal(7.0, ChineseText.EmWidth("2026年11月27日"));
    }

    [Fact]
    public void Tables_refuse_overlapping_or_missing_cells()
    {
        var overlap = new DocumentTable(1, 1).Row(new DocumentCell("A"), new DocumentCell("B", RowSpan: 2)).Row(new DocumentCell("C", ColSpan: 2));
        Assert.Contains("covered by two cells", Assert.Throws<ArgumentException>(() => new OfficialDocument("T").Table(overlap)).Message);
        var hole = new DocumentTable(1, 1).Row("A");
        Assert.Contains("not covered", Assert.Throws<ArgumentException>(() => new OfficialDocument("T").Table(hole)).Message);
        var wide = new DocumentTable(1, 1).Row(new DocumentCell("A", ColSpan: 3));
        Assert.Contains("run past", Assert.Throws<ArgumentException>(() => new OfficialDocument("T").Table(wide)).Message);
        var header = new DocumentTable(1).HeaderRow(new DocumentCell("H", RowSpan: 2)).Row(Array.Empty<DocumentCell>());
        Assert.Contains("header cell spans into the body", Assert.Throws<ArgumentException>(() => new OfficialDocument("T").Table(header)).Message);
    }
}

using Gongkai.Domain.Applications;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Domain.Tests.AnnualReports;

public sealed class ReportLayoutTests
{
    [Theory]
    [InlineData(2008, ReportFormat.Narrative2008)]
    [InlineData(2018, ReportFormat.Narrative2008)]
    [InlineData(2019, ReportFormat.Format2019)]
    [InlineData(2020, ReportFormat.Format2019)]
    [InlineData(2021, ReportFormat.Format2021)]
    [InlineData(2026, ReportFormat.Format2021)]
    public void Each_year_has_its_format(int year, ReportFormat format) => Assert.Equal(format, ReportFormats.ForYear(year));

    [Theory]
    [InlineData(2025, false, "2026-01-31")]
    [InlineData(2025, true, "2026-03-31")]
    [InlineData(2018, false, "2019-03-31")] // 2007 条例第三十一条: 3月31日 for every body
    public void Deadlines_follow_article_49(int year, bool government, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), ReportFormats.Deadline(year, government));

    [Fact]
    public void The_2021_table_has_25_rows_from_new_to_carried_out()
    {
        var rows = ApplicationTableLayout.Rows(ReportFormat.Format2021);
        Assert.Equal(25, rows.Count);
        Assert.Equal("一、本年新收政府信息公开申请数量", rows[0].Label);
        Assert.Equal("二、上年结转政府信息公开申请数量", rows[1].Label);
        Assert.Equal("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", rows[3].Label);
        Assert.Equal("3.危及“三安全一稳定”", rows[6].Label);
        Assert.Equal("（三）不予公开", rows[6].GroupLabel);
        Assert.Equal("5.要求行政机关确认或重新出具已获取信息", rows[19].Label);
        Assert.Equal("3.其他", rows[22].Label);
        Assert.Equal("（六）其他处理", rows[22].GroupLabel);
        Assert.Equal("（七）总计", rows[23].Label);
        Assert.Equal("四、结转下年度继续办理", rows[24].Label);
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], ApplicationTableLayout.Columns);
    }

    [Fact]
    public void The_2019_table_has_one_row_for_other_handling()
    {
        var rows = ApplicationTableLayout.Rows(ReportFormat.Format2019);
        Assert.Equal(23, rows.Count);
        Assert.Equal("（六）其他处理", rows[20].Label);
        Assert.Equal(ApplicationRowKind.Outcome, rows[20].Kind);
        Assert.All(Enum.GetValues<ReplyOutcome>(), o => Assert.True(new ApplicationTable(ReportFormat.Format2019).HasRow(ApplicationTableLayout.RowFor(o, ReportFormat.Format2019))));
        Assert.Equal("other", ApplicationTableLayout.RowFor(ReplyOutcome.OtherUnpaidFee, ReportFormat.Format2019));
    }

    [Fact]
    public void Every_outcome_has_a_row_in_every_format()
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var table = new ApplicationTable(format);
            foreach (var outcome in Enum.GetValues<ReplyOutcome>())
                Assert.True(table.HasRow(ApplicationTableLayout.RowFor(outcome, format)), $"{format} {outcome}");
        }
    }

    [Fact]
    public void A_computed_table_balances_when_the_counts_do()
    {
        // 自然人: 10 new + 2 carried in = 9 concluded (5 granted, 4 not held) + 3 carried out.
        var table = ApplicationTable.FromCounts(ReportFormat.Format2021, (row, column) => (row, column) switch
        {
            ("new", 0) => 10, ("carried-in", 0) => 2, ("granted", 0) => 5, ("unavailable.not-held", 0) => 4, ("carried-out", 0) => 3,
            _ => 0,
        });
        Assert.Equal(9, table["total", 0]);
        Assert.Equal(10, table["new", ApplicationTable.TotalColumn]);
        Assert.All(table.Check(), c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public void Broken_arithmetic_fails_and_names_the_cells()
    {
        var table = ApplicationTable.FromCounts(ReportFormat.Format2021, (row, column) => row == "new" && column == 1 ? 5 : 0);
        var failed = table.Check().Where(c => !c.Passed).ToList();
        // The 商业企业 column and the 总计 column do not balance; nothing else is wrong.
        Assert.Equal(2, failed.Count);
        Assert.All(failed, c => Assert.Equal("applications.balance", c.Code));
        Assert.Contains("表三·一、本年新收政府信息公开申请数量·商业企业", failed[0].Cells);

        table["granted", 2] = 1.5m;
        table["partial", 3] = null;
        var integers = table.Check().Single(c => c.Code == "applications.integers");
        Assert.False(integers.Passed);
        Assert.Contains("表三·（一）予以公开·科研机构", integers.Cells);
        Assert.Contains("表三·（二）部分公开（区分处理的，只计这一情形，不计其他情形）·社会公益组织", integers.Cells);
    }

    [Fact]
    public void Review_totals_are_checked()
    {
        var table = ReviewLitigationTable.FromCounts((kind, result) => kind == RemedyKind.Review && result == RemedyResult.Upheld ? 3 : 1);
        Assert.Equal(6, table[4]);
        Assert.All(table.Check(), c => Assert.True(c.Passed, c.Detail));
        table[9] = 7;
        Assert.False(table.Check().Single(c => c.Code == "review.total" && c.Rule.Contains("未经复议直接起诉", StringComparison.Ordinal)).Passed);
    }

    [Fact]
    public void Proactive_cells_must_be_filled_and_valid()
    {
        var table = new ProactiveTable(ReportFormat.Format2021);
        Assert.Equal(["rules.issued", "rules.repealed", "rules.in-force", "normative.issued", "normative.repealed", "normative.in-force",
            "licensing.decisions", "penalty.decisions", "coercion.decisions", "fees.amount"], table.Keys);
        Assert.False(table.Check().Single(c => c.Code == "proactive.filled").Passed);
        foreach (var key in table.Keys) table[key] = 1;
        table["fees.amount"] = 12.5m;
        Assert.All(table.Check(), c => Assert.True(c.Passed, c.Detail));
        table["penalty.decisions"] = -1;
        Assert.Equal(["表二·行政处罚·本年处理决定数量"], table.Check().Single(c => c.Code == "proactive.values").Cells);
        Assert.Throws<ArgumentException>(() => table["licensing.items"] = 1); // a 2019 cell
    }
}

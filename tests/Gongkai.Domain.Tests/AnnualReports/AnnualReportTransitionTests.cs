using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Tests.AnnualReports;

public sealed class AnnualReportTransitionTests
{
    private static readonly DateTime At = new(2026, 1, 20, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_published_report_cannot_be_changed_or_published_again()
    {
        var report = new AnnualReport(2025, "jyj", "editor", At);
        report.Touch("editor", At);
        report.Publish(42, "{}", "reviewer", At.AddHours(1));
        Assert.Equal((AnnualReportStatus.Published, 42L, "reviewer"), (report.Status, report.PublishedItemId!.Value, report.PublishedBy!));
        Assert.Throws<DomainConflictException>(() => report.Touch("editor", At.AddHours(2)));
        Assert.Throws<DomainConflictException>(() => report.Publish(43, "{}", "reviewer", At.AddHours(2)));
        Assert.Equal(42L, report.PublishedItemId);
    }

    [Fact]
    public void Only_the_government_report_chooses_whether_departments_count()
    {
        var government = new AnnualReport(2025, AnnualReportContent.GovernmentBody, "office", At);
        Assert.True(government.IncludeDepartments);
        government.ChooseIncludeDepartments(false, "office", At);
        Assert.False(government.IncludeDepartments);
        Assert.Throws<DomainValueException>(() => new AnnualReport(2025, "jyj", "office", At).ChooseIncludeDepartments(false, "office", At));
        Assert.Throws<DomainValueException>(() => new AnnualReport(2007, "jyj", "office", At));
    }

    [Fact]
    public void A_figure_source_is_kept_per_cell_and_unknown_cells_are_refused()
    {
        var table = new ProactiveTable(ReportFormat.Format2021);
        table.SetSource("licensing.decisions", " 审批系统 ");
        Assert.Equal("审批系统", table.SourceOf("licensing.decisions"));
        table.SetSource("licensing.decisions", null);
        Assert.Equal("", table.SourceOf("licensing.decisions"));
        Assert.Throws<ArgumentException>(() => table.SetSource("procurement.items", "x")); // a 2019-format cell
    }
}

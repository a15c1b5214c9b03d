using Gongkai.Domain.AnnualReports;

namespace Gongkai.Tests.AnnualReports;

/// <summary>Reports built in the test with known numbers: every row and cell non-zero, each cell a different number.</summary>
internal static class SampleReports
{
    public const string BodyName = "明湖区人民政府";

    public static AnnualReportContent Content(int year = 2025)
    {
        var format = ReportFormats.ForYear(year);
        var proactive = new ProactiveTable(format);
        var k = 0;
        foreach (var key in proactive.Keys)
            proactive[key] = key.EndsWith(".amount", StringComparison.Ordinal) ? 1234.56m + k++ : 11 + 3 * k++;

        // Outcome rows get 1 + row + 10·column; 二 and 四 differ per column; 一 is what balances the column.
        var rows = ApplicationTableLayout.Rows(format);
        var outcomes = rows.Where(ApplicationTableLayout.IsOutcomeRow).Select(r => r.Key).ToList();
        long Outcome(string key, int c) => 1 + outcomes.IndexOf(key) + 10 * c;
        long CarriedIn(int c) => 2 + c;
        long CarriedOut(int c) => 5 + 2 * c;
        var applications = ApplicationTable.FromCounts(format, (key, c) => key switch
        {
            ApplicationTableLayout.CarriedIn => CarriedIn(c),
            ApplicationTableLayout.CarriedOut => CarriedOut(c),
            ApplicationTableLayout.New => outcomes.Sum(o => Outcome(o, c)) + CarriedOut(c) - CarriedIn(c),
            _ => Outcome(key, c),
        });
        var review = ReviewLitigationTable.FromCounts((kind, result) => 1 + 4 * (int)kind + (int)result);
        var sections = ReportSections.Build(format, key => key switch
        {
            ReportSections.Overview => "本年度，区政府坚持以公开为常态、不公开为例外。\n\n全年主动公开政府信息一千余条。",
            ReportSections.Other => "本年度未收取信息处理费。",
            _ => $"「{key}」部分的说明。",
        });
        return new AnnualReportContent(year, AnnualReportContent.GovernmentBody, BodyName, format, sections, proactive, applications, review);
    }
}

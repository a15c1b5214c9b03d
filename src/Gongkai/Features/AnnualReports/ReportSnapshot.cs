using System.Text.Json;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// A published report frozen as JSON (<see cref="AnnualReport.Snapshot"/>): every text and every cell, so the
/// API, the HTML page and the documents of a published report keep its numbers whatever changes later.
/// </summary>
public sealed record ReportSnapshot(
    int Year, string Body, string BodyName, int Format,
    List<ReportSnapshot.Section> Sections,
    Dictionary<string, ReportSnapshot.Figure> Proactive,
    List<List<decimal?>> Applications,
    List<decimal?> ReviewLitigation)
{
    public sealed record Section(string Key, string Heading, string Text, List<Section> Subsections);
    public sealed record Figure(decimal? Value, string Source);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(AnnualReportContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        static Section S(ReportSection s) => new(s.Key, s.Heading, s.Text, [.. s.Subsections.Select(S)]);
        var snapshot = new ReportSnapshot(c.Year, c.Body, c.BodyName, (int)c.Format,
            [.. c.Sections.Select(S)],
            c.Proactive.Keys.ToDictionary(k => k, k => new Figure(c.Proactive[k], c.Proactive.SourceOf(k)), StringComparer.Ordinal),
            [.. Enumerable.Range(0, c.Applications.Rows.Count).Select(r => c.Applications.Row(r).ToList())],
            [.. c.ReviewLitigation.Values]);
        return JsonSerializer.Serialize(snapshot, Json);
    }

    public static AnnualReportContent Read(string json)
    {
        var s = JsonSerializer.Deserialize<ReportSnapshot>(json, Json) ?? throw new InvalidOperationException("Empty report snapshot.");
        var format = (ReportFormat)s.Format;
        static ReportSection R(Section x) => new(x.Key, x.Heading, x.Text, [.. x.Subsections.Select(R)]);

        var proactive = new ProactiveTable(format);
        foreach (var key in proactive.Keys)
            if (s.Proactive.TryGetValue(key, out var f))
            {
                proactive[key] = f.Value;
                proactive.SetSource(key, f.Source);
            }
        var applications = new ApplicationTable(format);
        for (var r = 0; r < applications.Rows.Count && r < s.Applications.Count; r++)
            for (var c = 0; c < ApplicationTable.ColumnCount && c < s.Applications[r].Count; c++)
                applications[r, c] = s.Applications[r][c];
        var review = new ReviewLitigationTable();
        for (var c = 0; c < ReviewLitigationTable.ColumnCount && c < s.ReviewLitigation.Count; c++) review[c] = s.ReviewLitigation[c];

        return new AnnualReportContent(s.Year, s.Body, s.BodyName, format, [.. s.Sections.Select(R)], proactive, applications, review);
    }
}

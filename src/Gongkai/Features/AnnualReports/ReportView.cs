using Gongkai.Domain.AnnualReports;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// The report as the API shows it (issue 5): year, body, format, sections, tables.proactive,
/// tables.applications {columns, rows [{key, label, values[7]}]}, tables.reviewLitigation {columns[15], values[15]}
/// and checks [{code, rule, passed, detail, cells}].
/// </summary>
public sealed record ReportView(
    int Year, string Body, string BodyName, string Title, string Format, string Status, DateOnly Deadline,
    bool IncludeDepartments, long? PublishedItemId, DateTime? PublishedAt,
    IReadOnlyList<SectionView> Sections, TablesView Tables, IReadOnlyList<CheckView> Checks)
{
    public static ReportView From(ReportState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var c = state.Content;
        return new ReportView(c.Year, c.Body, c.BodyName, c.Title, c.Format.Code(),
            state.IsPublished ? "published" : "draft", state.Body.Deadline(c.Year),
            state.IncludeDepartments, state.Record?.PublishedItemId, state.Record?.PublishedAt,
            [.. c.Sections.Select(SectionView.From)],
            new TablesView(ProactiveView.From(c.Proactive), ApplicationsView.From(c.Applications), ReviewLitigationView.From(c.ReviewLitigation)),
            [.. c.Checks().Select(k => new CheckView(k.Code, k.Rule, k.Passed, k.Detail, k.Cells))]);
    }
}

public sealed record SectionView(string Key, string Heading, string Text, IReadOnlyList<SectionView> Subsections)
{
    public static SectionView From(ReportSection s) => new(s.Key, s.Heading, s.Text, [.. s.Subsections.Select(From)]);
}

public sealed record TablesView(ProactiveView Proactive, ApplicationsView Applications, ReviewLitigationView ReviewLitigation);

public sealed record ProactiveView(IReadOnlyList<ProactiveBlockView> Blocks, IReadOnlyDictionary<string, decimal?> Figures)
{
    public static ProactiveView From(ProactiveTable t) => new(
        [.. t.Blocks.Select(b => new ProactiveBlockView(b.Caption, b.Columns,
            [.. b.Rows.Select(r => new ProactiveRowView(r.Label,
                [.. r.Keys.Select(k => new ProactiveCellView(k, t[k], t.SourceOf(k), ProactiveTable.IsComputed(k)))]))]))],
        t.Keys.ToDictionary(k => k, k => t[k], StringComparer.Ordinal));
}

public sealed record ProactiveBlockView(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<ProactiveRowView> Rows);
public sealed record ProactiveRowView(string Label, IReadOnlyList<ProactiveCellView> Cells);
public sealed record ProactiveCellView(string Key, decimal? Value, string Source, bool Computed);

public sealed record ApplicationsView(IReadOnlyList<string> Columns, IReadOnlyList<ApplicationRowView> Rows)
{
    public static ApplicationsView From(ApplicationTable t) => new(ApplicationTable.Columns,
        [.. t.Rows.Select((r, i) => new ApplicationRowView(r.Key, r.Label, r.GroupLabel, [.. t.Row(i).Select(v => v ?? 0)]))]);
}

public sealed record ApplicationRowView(string Key, string Label, string? Group, IReadOnlyList<decimal> Values);

public sealed record ReviewLitigationView(IReadOnlyList<string> Columns, IReadOnlyList<decimal> Values)
{
    public static ReviewLitigationView From(ReviewLitigationTable t) => new(ReviewLitigationTable.Columns, [.. t.Values.Select(v => v ?? 0)]);
}

public sealed record CheckView(string Code, string Rule, bool Passed, string Detail, IReadOnlyList<string> Cells);

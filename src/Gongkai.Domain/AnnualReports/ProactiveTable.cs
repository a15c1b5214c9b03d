namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// A block of table 二: a caption row naming the article item (第二十条第（一）项), column labels after
/// 「信息内容」, and rows of numbers. <see cref="ProactiveRow.Keys"/> name each cell for storage and the API
/// (e.g. <c>rules.issued</c>, <c>licensing.decisions</c>, <c>fees.amount</c>).
/// </summary>
public sealed record ProactiveBlock(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<ProactiveRow> Rows);

public sealed record ProactiveRow(string Label, IReadOnlyList<string> Keys);

/// <summary>
/// Where a figure of table 二 comes from: the catalogue counts 规章 and 规范性文件 itself; the others
/// (行政许可, 处罚, 强制 decisions, fees, procurement) come from other systems and are entered or imported by staff.
/// </summary>
public enum FigureSource
{
    Catalogue,
    Entered,
}

/// <summary>
/// Table 二 (主动公开政府信息情况) in the layout of its format (regulation.md §1.3), with the figure of
/// each cell. The 2008-era report has no such table: it states how many items were published (one row).
/// </summary>
public sealed class ProactiveTable
{
    private readonly Dictionary<string, decimal?> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    public ProactiveTable(ReportFormat format)
    {
        Format = format;
        Blocks = Layout(format);
        Keys = [.. Blocks.SelectMany(b => b.Rows).SelectMany(r => r.Keys)];
    }

    public ReportFormat Format { get; }
    public IReadOnlyList<ProactiveBlock> Blocks { get; }

    /// <summary>Every cell key of the format, in printed order.</summary>
    public IReadOnlyList<string> Keys { get; }

    public decimal? this[string key]
    {
        get => _figures.GetValueOrDefault(key);
        set
        {
            if (!Keys.Contains(key, StringComparer.Ordinal))
                throw new ArgumentException($"No cell '{key}' in table 二 of the {Format.Code()} format.", nameof(key));
            _figures[key] = value;
        }
    }

    /// <summary>Where a figure came from (数据来源), e.g. 区行政审批局业务系统导出; empty when not noted.</summary>
    public string SourceOf(string key) => _sources.GetValueOrDefault(key) ?? "";

    public void SetSource(string key, string? source)
    {
        if (!Keys.Contains(key, StringComparer.Ordinal))
            throw new ArgumentException($"No cell '{key}' in table 二 of the {Format.Code()} format.", nameof(key));
        if (string.IsNullOrWhiteSpace(source)) _sources.Remove(key);
        else _sources[key] = source.Trim();
    }

    /// <summary>The cells the catalogue computes; every other cell is entered by staff.</summary>
    public static bool IsComputed(string key) =>
        key.StartsWith("rules.", StringComparison.Ordinal) || key.StartsWith("normative.", StringComparison.Ordinal)
        || key == "items.published";

    /// <summary>
    /// Only counts must be non-negative integers; 本年增/减 may be negative and amounts (万元) decimals.
    /// A blank entered figure is reported so the office fills it before publication.
    /// </summary>
    public IReadOnlyList<ReportCheck> Check()
    {
        var blank = Keys.Where(k => _figures.GetValueOrDefault(k) is null).ToList();
        var bad = Keys.Where(k => _figures.GetValueOrDefault(k) is { } v && !IsValid(k, v)).ToList();
        return
        [
            new("proactive.filled", "表二：每个单元格都已填写", blank.Count == 0,
                blank.Count == 0 ? "全部单元格均已填写" : "以下单元格尚未填写：" + string.Join("；", blank.Select(Name)), [.. blank.Select(Name)]),
            new("proactive.values", "表二：件数为非负整数，金额不为负数", bad.Count == 0,
                bad.Count == 0 ? "全部数值有效" : "以下单元格数值无效：" + string.Join("；", bad.Select(k => $"{Name(k)} = {Cell.Show(_figures[k])}")),
                [.. bad.Select(Name)]),
        ];
    }

    private static bool IsValid(string key, decimal value) =>
        key.EndsWith(".change", StringComparison.Ordinal) ? decimal.Truncate(value) == value
        : key.EndsWith(".amount", StringComparison.Ordinal) ? value >= 0
        : Cell.IsNonNegativeInteger(value);

    /// <summary>A cell's name for messages: 表二·规章·本年制发件数.</summary>
    public string Name(string key)
    {
        foreach (var block in Blocks)
            foreach (var row in block.Rows)
            {
                var i = row.Keys.ToList().IndexOf(key);
                if (i >= 0) return $"表二·{row.Label}·{(block.Columns.Count == 1 ? block.Columns[0] : block.Columns[i])}";
            }
        return "表二·" + key;
    }

    private static IReadOnlyList<ProactiveBlock> Layout(ReportFormat format) => format switch
    {
        ReportFormat.Format2021 =>
        [
            new("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
            [
                new("规章", ["rules.issued", "rules.repealed", "rules.in-force"]),
                new("行政规范性文件", ["normative.issued", "normative.repealed", "normative.in-force"]),
            ]),
            new("第二十条第（五）项", ["本年处理决定数量"], [new("行政许可", ["licensing.decisions"])]),
            new("第二十条第（六）项", ["本年处理决定数量"],
            [
                new("行政处罚", ["penalty.decisions"]),
                new("行政强制", ["coercion.decisions"]),
            ]),
            new("第二十条第（八）项", ["本年收费金额（单位：万元）"], [new("行政事业性收费", ["fees.amount"])]),
        ],
        ReportFormat.Format2019 =>
        [
            new("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            [
                new("规章", ["rules.made", "rules.published", "rules.total"]),
                new("规范性文件", ["normative.made", "normative.published", "normative.total"]),
            ]),
            new("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
            [
                new("行政许可", ["licensing.items", "licensing.change", "licensing.decisions"]),
                new("其他对外管理服务事项", ["services.items", "services.change", "services.decisions"]),
            ]),
            new("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
            [
                new("行政处罚", ["penalty.items", "penalty.change", "penalty.decisions"]),
                new("行政强制", ["coercion.items", "coercion.change", "coercion.decisions"]),
            ]),
            new("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [new("行政事业性收费", ["fees.items", "fees.change"])]),
            new("第二十条第（九）项", ["采购项目数量", "采购总金额"], [new("政府集中采购", ["procurement.items", "procurement.amount"])]),
        ],
        _ =>
        [
            new("主动公开政府信息", ["本年主动公开信息数量"], [new("政府信息", ["items.published"])]),
        ],
    };
}

using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.AnnualReports;

/// <summary>An entered figure of table 二 and where it came from.</summary>
public sealed record FigureInput(decimal? Value, string? Source);

/// <summary>
/// Staff changes to a draft report: entered figures of table 二 with their source, section texts, and (for the
/// district government) whether departments' records count. The office administrator edits every report;
/// a department's staff edit their own department's report only.
/// </summary>
public sealed class AnnualReportEditing(GongkaiDbContext db, TimeProvider clock, DepartmentScope scope, IAuditActorAccessor actors)
{
    public const int MaxSectionLength = 20_000;
    public const int MaxSourceLength = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string By => actors.Current?.Name ?? "";

    /// <summary>Saves figures by cell key; a null value clears the cell. Every bad cell is reported at once.</summary>
    public async Task SaveFiguresAsync(int year, string? body, IReadOnlyDictionary<string, FigureInput?>? figures, CancellationToken ct)
    {
        var (target, record) = await OpenAsync(year, body, ct);
        var format = ReportFormats.ForYear(year);
        var keys = new ProactiveTable(format).Keys.ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        if (figures is null || figures.Count == 0) errors["figures"] = ["请至少填写一个数据"];
        foreach (var (key, input) in figures ?? new Dictionary<string, FigureInput?>())
        {
            var problem = !keys.Contains(key) ? $"{year}年度报告的表二没有“{key}”这一项"
                : ProactiveTable.IsComputed(key) ? "该项由系统根据政府信息公开目录自动统计，不能填写"
                : input?.Value is { } v ? ValueProblem(key, v) : null;
            if (problem is null && input?.Value is not null && string.IsNullOrWhiteSpace(input.Source))
                problem = "请注明数据来源（如某业务系统导出、某科室统计）";
            if (problem is null && (input?.Source ?? "").Trim().Length > MaxSourceLength)
                problem = $"数据来源不超过{MaxSourceLength}个字";
            if (problem is not null) errors[key] = [problem];
        }
        if (errors.Count > 0) throw new InputException(errors);

        var stored = await db.ReportFigures.Where(f => f.Year == year && f.Body == target.Code).ToListAsync(ct);
        foreach (var (key, input) in figures!)
        {
            var figure = stored.FirstOrDefault(f => f.Key == key);
            if (figure is null)
            {
                figure = new ReportFigure { Year = year, Body = target.Code, Key = key };
                db.ReportFigures.Add(figure);
            }
            figure.Value = input?.Value;
            figure.Source = input?.Value is null ? "" : input.Source!.Trim();
            figure.EnteredBy = By;
            figure.EnteredAt = Now;
        }
        record.Touch(By, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves section texts by key; a null text goes back to the drafted text.</summary>
    public async Task SaveSectionsAsync(int year, string? body, IReadOnlyDictionary<string, string?>? sections, CancellationToken ct)
    {
        var (target, record) = await OpenAsync(year, body, ct);
        var keys = ReportSections.Keys(ReportFormats.ForYear(year)).ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        if (sections is null || sections.Count == 0) errors["sections"] = ["请至少填写一个章节"];
        foreach (var (key, text) in sections ?? new Dictionary<string, string?>())
        {
            if (!keys.Contains(key)) errors[key] = [$"{year}年度报告没有“{key}”这一章节"];
            else if ((text ?? "").Length > MaxSectionLength) errors[key] = [$"每一章节不超过{MaxSectionLength}个字"];
        }
        if (errors.Count > 0) throw new InputException(errors);

        var stored = await db.ReportSectionTexts.Where(s => s.Year == year && s.Body == target.Code).ToListAsync(ct);
        foreach (var (key, text) in sections!)
        {
            var saved = stored.FirstOrDefault(s => s.Key == key);
            if (text is null)
            {
                if (saved is not null) db.ReportSectionTexts.Remove(saved);
                continue;
            }
            if (saved is null)
            {
                saved = new ReportSectionText { Year = year, Body = target.Code, Key = key };
                db.ReportSectionTexts.Add(saved);
            }
            saved.Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            saved.SavedBy = By;
            saved.SavedAt = Now;
        }
        record.Touch(By, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>For the district government's report: whether its departments' records count (默认统计).</summary>
    public async Task SetIncludeDepartmentsAsync(int year, string? body, bool include, CancellationToken ct)
    {
        var (_, record) = await OpenAsync(year, body, ct);
        record.ChooseIncludeDepartments(include, By, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Finds the body, checks the caller may edit its report, and loads or starts its record.</summary>
    internal async Task<(ReportBody Body, AnnualReport Record)> OpenAsync(int year, string? body, CancellationToken ct)
    {
        var target = await ReportBody.ResolveAsync(db, clock, year, body, ct);
        EnsureCanEdit(scope, target);
        var record = await db.AnnualReports.FirstOrDefaultAsync(r => r.Year == year && r.Body == target.Code, ct);
        if (record is null)
        {
            record = new AnnualReport(year, target.Code, By, Now);
            db.AnnualReports.Add(record);
        }
        return (target, record);
    }

    public static bool CanEdit(DepartmentScope scope, ReportBody body) =>
        body.IsDistrictGovernment ? scope.WritesAll : scope.CanWrite(body.DepartmentId);

    public static void EnsureCanEdit(DepartmentScope scope, ReportBody body)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(body);
        if (!CanEdit(scope, body))
            throw new DepartmentScopeException(body.IsDistrictGovernment
                ? "只有公开办管理员可以编辑区人民政府的年度报告"
                : "只有公开办管理员或本部门工作人员可以编辑该部门的年度报告");
    }

    private static string? ValueProblem(string key, decimal value)
    {
        if (Math.Abs(value) > 1_000_000_000_000m) return "数值过大";
        if (key.EndsWith(".change", StringComparison.Ordinal)) return decimal.Truncate(value) == value ? null : "本年增/减应为整数";
        if (key.EndsWith(".amount", StringComparison.Ordinal)) return value >= 0 ? null : "金额不能为负数";
        return value >= 0 && decimal.Truncate(value) == value ? null : "件数应为非负整数";
    }
}

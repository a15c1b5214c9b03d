using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.AnnualReports.Admin;

/// <summary>
/// One body's report on a year: the preview as it will be published, the section texts and entered figures
/// (with their source) to edit, the cross-checks, and publication after confirmation.
/// </summary>
public sealed class EditModel(AnnualReportService reports, AnnualReportEditing editing, PublishReport publish, DepartmentScope scope) : PageModel
{
    public ReportState State { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanPublish { get; private set; }
    public List<string> Errors { get; } = [];
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);
    public AnnualReportContent Report => State.Content;

    public async Task<IActionResult> OnGetAsync(int year, string body, CancellationToken ct) =>
        await LoadAsync(year, body, ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostSectionsAsync(int year, string body, CancellationToken ct)
    {
        if (!await LoadAsync(year, body, ct)) return Forbid();
        var texts = ReportSections.Keys(Report.Format).Where(k => Request.Form.ContainsKey("section." + k))
            .ToDictionary(k => k, k => (string?)Request.Form["section." + k].ToString(), StringComparer.Ordinal);
        foreach (var (k, v) in texts) Typed["section." + k] = v;
        return await ActAsync(year, body, () => editing.SaveSectionsAsync(year, body, texts, ct), "章节文字已保存。", ct);
    }

    public async Task<IActionResult> OnPostFiguresAsync(int year, string body, CancellationToken ct)
    {
        if (!await LoadAsync(year, body, ct)) return Forbid();
        var figures = new Dictionary<string, FigureInput?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        foreach (var key in Report.Proactive.Keys.Where(k => !ProactiveTable.IsComputed(k)))
        {
            var value = Request.Form["value." + key].ToString().Trim();
            var source = Request.Form["source." + key].ToString();
            Typed["value." + key] = value;
            Typed["source." + key] = source;
            if (value.Length == 0) figures[key] = new FigureInput(null, null);
            else if (decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v))
                figures[key] = new FigureInput(v, source);
            else errors[key] = [$"“{value}”不是数字"];
        }
        if (errors.Count > 0)
        {
            Show(errors);
            return Page();
        }
        return await ActAsync(year, body, () => editing.SaveFiguresAsync(year, body, figures, ct), "数据已保存。", ct);
    }

    public async Task<IActionResult> OnPostSettingsAsync(int year, string body, bool includeDepartments, CancellationToken ct)
    {
        if (!await LoadAsync(year, body, ct)) return Forbid();
        return await ActAsync(year, body, () => editing.SetIncludeDepartmentsAsync(year, body, includeDepartments, ct),
            includeDepartments ? "已设置为统计区政府及所属各部门的数据。" : "已设置为只统计区政府本级的数据。", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int year, string body, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(year, body, ct)) return Forbid();
        if (!confirm)
        {
            Errors.Add("请勾选“我已核对报告内容”后再发布。");
            return Page();
        }
        PublishOutcome? outcome = null;
        var result = await ActAsync(year, body, async () => outcome = await publish.RunAsync(year, body, ct), "", ct);
        if (outcome is null) return result;
        if (!outcome.Published)
        {
            Errors.Add($"有{outcome.Failed.Count}项勾稽关系校验未通过，年度报告不能发布：");
            Errors.AddRange(outcome.Failed.Select(f => $"{f.Rule}（{f.Detail}）"));
            await LoadAsync(year, body, ct);
            return Page();
        }
        TempData["Message"] = $"年度报告已发布，索引号 {outcome.IndexNumber}。";
        return Redirect($"/admin/reports/{year}/{State.Body.Code}");
    }

    private async Task<IActionResult> ActAsync(int year, string body, Func<Task> action, string message, CancellationToken ct)
    {
        try
        {
            await action();
        }
        catch (InputException e)
        {
            Show(e.Errors);
            return Page();
        }
        catch (Exception e) when (e is DomainException or DepartmentScopeException)
        {
            Errors.Add(e.Message);
            await LoadAsync(year, body, ct);
            return Page();
        }
        if (message.Length > 0)
        {
            TempData["Message"] = message;
            return Redirect($"/admin/reports/{year}/{State.Body.Code}");
        }
        return Page();
    }

    private void Show(Dictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors)
        {
            var name = Report.Proactive.Keys.Contains(key) ? Report.Proactive.Name(key) + "：" : "";
            Errors.AddRange(messages.Select(m => name + m));
        }
    }

    /// <summary>Staff read their own department's report; the office and supervisors every report.</summary>
    private async Task<bool> LoadAsync(int year, string body, CancellationToken ct)
    {
        State = await reports.ReadAsync(year, body, ct);
        if (!(scope.ReadsAll || (!State.Body.IsDistrictGovernment && scope.CanRead(State.Body.DepartmentId)))) return false;
        CanEdit = !State.IsPublished && AnnualReportEditing.CanEdit(scope, State.Body);
        CanPublish = CanEdit && PublishReport.MayPublish(User);
        return true;
    }

    public string Value(string name, string? stored) => Typed.TryGetValue(name, out var typed) ? typed ?? "" : stored ?? "";
}

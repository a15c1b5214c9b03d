using System.Globalization;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>
/// The workflow actions of the item page. Publishing, withdrawal and a change of validity cannot be
/// taken back quietly, so each needs its "我已确认" box ticked; the server checks it, not the browser.
/// </summary>
public sealed partial class EditItemModel
{
    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) =>
        await ActAsync(id, canAct: () => CanWrite, async () =>
        {
            await workflow.SubmitAsync(id, ct);
            return "已提交审核。";
        }, ct);

    /// <summary>The approval form, or (with <paramref name="overriding"/>) the reviewer's override of the personal-data check.</summary>
    public async Task<IActionResult> OnPostApproveAsync(long id, string? publishAt, bool overriding, string? overrideReason, bool confirm, CancellationToken ct)
    {
        Typed["publishAt"] = publishAt;
        Typed["overrideReason"] = overrideReason;
        return await ActAsync(id, canAct: () => CanReview, async () =>
        {
            var at = ParsePublishAt(publishAt);
            if (overriding && string.IsNullOrWhiteSpace(overrideReason)) AddError("OverrideReason", "请填写仍然发布的理由（将记入审计日志）");
            RequireConfirmation(confirm, overriding ? "OverrideConfirm" : "ApproveConfirm", "请勾选“我已确认”后再发布");
            if (HasErrors) return null;
            var item = await workflow.ApproveAsync(id, at, overriding ? overrideReason : null, ct);
            return item.State == ItemState.Scheduled
                ? $"已审核通过，将于北京时间 {ChinaTime.ToLocal(item.ScheduledFor!.Value):yyyy-MM-dd HH:mm} 发布。"
                : $"已审核通过并发布，索引号 {item.IndexNumber}。";
        }, ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(long id, string? reason, CancellationToken ct)
    {
        Typed["returnReason"] = reason;
        return await ActAsync(id, canAct: () => CanReview, async () =>
        {
            if (string.IsNullOrWhiteSpace(reason)) { AddError("ReturnReason", "请填写退回理由"); return null; }
            await workflow.ReturnAsync(id, reason, ct);
            return "已退回，信息员可修改后重新提交。";
        }, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, bool confirm, CancellationToken ct)
    {
        Typed["withdrawReason"] = reason;
        return await ActAsync(id, canAct: () => CanWrite, async () =>
        {
            if (string.IsNullOrWhiteSpace(reason)) AddError("WithdrawReason", "请填写撤回理由");
            RequireConfirmation(confirm, "WithdrawConfirm", "请勾选“我已确认撤回”后再撤回");
            if (HasErrors) return null;
            await workflow.WithdrawAsync(id, reason, ct);
            return "已撤回，公众不再能查看该信息；索引号保留，不再使用。";
        }, ct);
    }

    public async Task<IActionResult> OnPostValidityAsync(long id, string? validity, string? on, bool confirm, CancellationToken ct)
    {
        Typed["validity"] = validity;
        Typed["validityOn"] = on;
        return await ActAsync(id, canAct: () => CanWrite, async () =>
        {
            if (!Enum.TryParse<Validity>(validity, out var v) || !Enum.IsDefined(v)) AddError("Validity", "请选择有效性");
            if (!DateOnly.TryParseExact(on?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                AddError("ValidityOn", "请填写日期，格式为 YYYY-MM-DD");
            RequireConfirmation(confirm, "ValidityConfirm", "请勾选“我已确认”后再标注");
            if (HasErrors) return null;
            await workflow.ChangeValidityAsync(id, v, date, ct);
            return v == Validity.Valid ? "已标注为有效。" : $"已标注为{v.ToChinese()}（自 {date:yyyy-MM-dd} 起）。";
        }, ct);
    }

    /// <summary>
    /// Runs an action: forbidden when the caller may not take it; on success back to the page with a
    /// message (post/redirect/get); refused, the page again with the reason and what was typed.
    /// The action returns null when it refused the input itself.
    /// </summary>
    private async Task<IActionResult> ActAsync(long id, Func<bool> canAct, Func<Task<string?>> action, CancellationToken ct)
    {
        if (!await LoadAsync(id, fillInput: true, ct)) return NotFound();
        if (!canAct()) return Forbid();
        try
        {
            var message = await action();
            if (message is not null)
            {
                TempData["Message"] = message;
                return Redirect($"/admin/items/{id}");
            }
        }
        catch (Exception e) when (Refusal(e))
        {
            Show(e);
        }
        return Page();
    }

    private void RequireConfirmation(bool confirmed, string fieldId, string message)
    {
        if (!confirmed) AddError(fieldId, message);
    }

    /// <summary>定时发布时间 is Beijing wall-clock time (datetime-local); empty means now.</summary>
    private DateTime? ParsePublishAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            AddError("PublishAt", "定时发布时间格式应为 YYYY-MM-DD HH:mm（北京时间）");
            return null;
        }
        return ChinaTime.FromLocal(local);
    }
}

using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Cases;
using Gongkai.Features.Applications.Pages;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.PublicVoice.Admin;

/// <summary>
/// The steps of the case page, each through <see cref="CaseWorkflow"/> (the same use cases and the
/// same access rule as the API). Steps that cannot be taken back (close, merge, publish) need their
/// "我已确认" box; the server checks it.
/// </summary>
public sealed partial class CaseModel
{
    public Task<IActionResult> OnPostAssignAsync(long id, string? lead, string[]? co, string? days, CancellationToken ct) =>
        ActAsync(id, "assign", [("assign-lead", lead), ("assign-days", days), .. (co ?? []).Select(c => ("assign-co:" + c, (string?)"on"))], async () =>
        {
            if (string.IsNullOrWhiteSpace(lead)) { Errors.Add("assign-lead", "请选择主办部门"); return null; }
            var due = Days(days, "assign-days");
            if (Errors.Any) return null;
            string[] departments = [lead, .. (co ?? []).Where(c => !string.IsNullOrWhiteSpace(c) && c != lead).Distinct()];
            var c = await workflow.AssignAsync(id, new AssignCaseRequest(departments, due), ct);
            return $"已分办，答复期限：{ClockNames.Chinese(c.DueOn)}。";
        }, ct, ("departments", "assign-lead"), ("dueInWorkingDays", "assign-days"));

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        ActAsync(id, "accept", [], async () => { await workflow.AcceptAsync(id, ct); return "已签收。"; }, ct);

    public Task<IActionResult> OnPostReturnAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, "return", [("return-reason", reason)], async () =>
        {
            if (Required(reason, "return-reason", "请填写退回理由")) return null;
            await workflow.ReturnAsync(id, new CaseReasonRequest(reason), ct);
            return "已退回公开办，由公开办重新分办。";
        }, ct, ("reason", "return-reason"));

    public Task<IActionResult> OnPostTransferAsync(long id, string? department, string? reason, CancellationToken ct) =>
        ActAsync(id, "transfer", [("transfer-department", department), ("transfer-reason", reason)], async () =>
        {
            if (Required(reason, "transfer-reason", "请填写转办理由")) return null;
            await workflow.RequestTransferAsync(id, new CaseTransferRequest(department, reason), ct);
            return "已申请转办，等待公开办决定。";
        }, ct, ("department", "transfer-department"), ("reason", "transfer-reason"));

    public Task<IActionResult> OnPostDeclineTransferAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, "decline-transfer", [("decline-transfer-reason", reason)], async () =>
        {
            if (Required(reason, "decline-transfer-reason", "请填写不同意转办的理由")) return null;
            await workflow.DeclineTransferAsync(id, new CaseReasonRequest(reason), ct);
            return "已不同意转办，仍由原部门办理。";
        }, ct, ("reason", "decline-transfer-reason"));

    public Task<IActionResult> OnPostAnswerAsync(long id, string? text, CancellationToken ct) =>
        ActAsync(id, "answer", [("answer-text", text)], async () =>
        {
            if (Required(text, "answer-text", "请填写答复内容")) return null;
            await workflow.AnswerAsync(id, new CaseTextRequest(text), ct);
            return "答复已保存，等待审核。";
        }, ct, ("text", "answer-text"));

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        ActAsync(id, "approve", [], async () =>
        {
            var c = await workflow.ApproveAsync(id, ct);
            return c.Status == CaseStatus.Answered ? "审核通过，答复已发送给来信人。" : "审核通过，等待公开办审核。";
        }, ct);

    public Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, "reject", [("reject-reason", reason)], async () =>
        {
            if (Required(reason, "reject-reason", "请填写退回修改的理由")) return null;
            await workflow.RejectAnswerAsync(id, new CaseReasonRequest(reason), ct);
            return "答复已退回修改。";
        }, ct, ("reason", "reject-reason"));

    public Task<IActionResult> OnPostPublishAsync(long id, string? title, string? question, string? answer, bool confirm, CancellationToken ct) =>
        ActAsync(id, "publish", [("publish-title", title), ("publish-question", question), ("publish-answer", answer)], async () =>
        {
            if (!Confirmed(confirm, "publish-confirm", "请勾选“我已确认”：公开的问答所有人都能看到")) return null;
            await workflow.PublishAsync(id, new PublishCaseRequest(title, question, answer), ct);
            return "问答已公开。";
        }, ct, ("title", "publish-title"), ("question", "publish-question"), ("answer", "publish-answer"));

    public Task<IActionResult> OnPostUnpublishAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, "unpublish", [("unpublish-reason", reason)], async () =>
        {
            if (Required(reason, "unpublish-reason", "请填写撤回公开的理由")) return null;
            await workflow.UnpublishAsync(id, new CaseReasonRequest(reason), ct);
            return "已撤回公开。";
        }, ct, ("reason", "unpublish-reason"));

    public Task<IActionResult> OnPostCloseAsync(long id, string? outcome, string? note, bool confirm, CancellationToken ct) =>
        ActAsync(id, "close", [("close-outcome", outcome), ("close-note", note)], async () =>
        {
            if (!Confirmed(confirm, "close-confirm", "请勾选“我已确认”：办结后不能撤销")) return null;
            await workflow.CloseAsync(id, new CloseCaseRequest(string.IsNullOrWhiteSpace(outcome) ? null : outcome, note), ct);
            return "已办结。";
        }, ct, ("outcome", "close-outcome"), ("note", "close-note"));

    public Task<IActionResult> OnPostSendBackAsync(long id, string? reason, string? days, CancellationToken ct) =>
        ActAsync(id, "send-back", [("send-back-reason", reason), ("send-back-days", days)], async () =>
        {
            Required(reason, "send-back-reason", "请填写发回重办的理由");
            var due = Days(days, "send-back-days");
            if (Errors.Any) return null;
            var c = await workflow.SendBackAsync(id, new SendBackCaseRequest(reason, due), ct);
            return $"已发回重办，答复期限：{ClockNames.Chinese(c.DueOn)}。";
        }, ct, ("reason", "send-back-reason"), ("dueInWorkingDays", "send-back-days"));

    public Task<IActionResult> OnPostFollowUpAsync(long id, string? text, CancellationToken ct) =>
        ActAsync(id, "follow-up", [("follow-up-text", text)], async () =>
        {
            if (Required(text, "follow-up-text", "请填写回访结果")) return null;
            await workflow.FollowUpAsync(id, new CaseTextRequest(text), ct);
            return "已记录回访结果。";
        }, ct, ("text", "follow-up-text"));

    public Task<IActionResult> OnPostSuperviseAsync(long id, string? note, bool escalate, CancellationToken ct) =>
        ActAsync(id, "supervise", [("supervise-note", note), ("supervise-escalate", escalate ? "on" : null)], async () =>
        {
            if (Required(note, "supervise-note", "请填写督办意见")) return null;
            await workflow.SuperviseAsync(id, new SuperviseCaseRequest(note, escalate), ct);
            return escalate ? "已升级督办。" : "已督办。";
        }, ct, ("note", "supervise-note"));

    public Task<IActionResult> OnPostMergeAsync(long id, string? into, bool confirm, CancellationToken ct) =>
        ActAsync(id, "merge", [("merge-into", into)], async () =>
        {
            if (Required(into, "merge-into", "请填写保留件的编号或查询码")) return null;
            if (!Confirmed(confirm, "merge-confirm", "请勾选“我已确认”：合并后本件不再单独办理")) return null;
            await workflow.MergeAsync(id, new MergeCaseRequest(into), ct);
            return "已合并到保留件。";
        }, ct, ("into", "merge-into"));

    public Task<IActionResult> OnPostLinkAsync(long id, string? type, string? target, string? note, CancellationToken ct) =>
        ActAsync(id, "links", [("links-type", type), ("links-target", target), ("links-note", note)], async () =>
        {
            await workflow.LinkAsync(id, new LinkCaseRequest(type, target, note), ct);
            return "已关联。";
        }, ct, ("type", "links-type"), ("target", "links-target"), ("note", "links-note"));

    public Task<IActionResult> OnPostNoteAsync(long id, string? text, CancellationToken ct) =>
        ActAsync(id, "notes", [("notes-text", text)], async () =>
        {
            if (Required(text, "notes-text", "请填写备注")) return null;
            await workflow.NoteAsync(id, new CaseTextRequest(text), ct);
            return "已添加备注。";
        }, ct, ("text", "notes-text"));

    public Task<IActionResult> OnPostFindingsAsync(long id, string? finding, string? findings, string? sanctions, CancellationToken ct) =>
        ActAsync(id, "findings", [("findings-finding", finding), ("findings-findings", findings), ("findings-sanctions", sanctions)], async () =>
        {
            await workflow.RecordFindingsAsync(id, new FindingsRequest(finding, findings, sanctions), ct);
            return "已记录调查结论。";
        }, ct, ("finding", "findings-finding"), ("findings", "findings-findings"), ("sanctions", "findings-sanctions"));

    private bool Required(string? value, string fieldId, string message)
    {
        if (!string.IsNullOrWhiteSpace(value)) return false;
        Errors.Add(fieldId, message);
        return true;
    }

    private bool Confirmed(bool confirm, string fieldId, string message)
    {
        if (!confirm) Errors.Add(fieldId, message);
        return confirm;
    }

    /// <summary>Working days typed as text, so that "abc" gets a Chinese message instead of a silent null.</summary>
    private int? Days(string? text, string fieldId)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        Errors.Add(fieldId, "办理时限应为工作日数（整数）");
        return null;
    }

    /// <summary>
    /// Runs a step: a case the caller cannot read is a 404; on success back to the page with a message
    /// (post/redirect/get); refused, the page again with the reason and what was typed. The step
    /// returns null when it refused the input itself.
    /// </summary>
    /// <summary>Staff attach a file (a scanned letter, an enclosure): the office or the lead department, while the case is open.</summary>
    public Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken ct) =>
        ActAsync(id, "attach", [], async () =>
        {
            if (file is null || file.Length == 0) { Errors.Add("attach-file", "请选择要上传的文件"); return null; }
            var c = await workflow.LoadAsync(id, ct);
            if (!workflow.Actor.ActsAsOffice(c.Kind) && !workflow.Actor.ActsAsHandler(c))
                throw new Accounts.DepartmentScopeException("只有公开办或主办部门可以上传附件");
            try
            {
                await using var stream = file.OpenReadStream();
                var a = await HttpContext.RequestServices.GetRequiredService<CaseAttachments>().AddAsync(c, file.FileName, stream, fromCitizen: false, ct);
                return $"附件“{a.FileName}”已上传。";
            }
            catch (Catalogue.Attachments.AttachmentRefusedException e)
            {
                Errors.Add("attach-file", e.Message);
                return null;
            }
        }, ct);

    private async Task<IActionResult> ActAsync(long id, string form, IEnumerable<(string FieldId, string? Value)> typed,
        Func<Task<string?>> step, CancellationToken ct, params (string Api, string FieldId)[] fields)
    {
        foreach (var (field, value) in typed) Typed[field] = value;
        try
        {
            if (await step() is { } message)
            {
                TempData["Message"] = message;
                return Redirect($"/admin/cases/{id}");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            Errors.Show(e, fields.ToDictionary(f => f.Api, f => f.FieldId));
        }
        ActiveForm = form;
        // The page shows the case as it is now: a refused step changed nothing.
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }
}

using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Features.Applications.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.Applications.Admin;

/// <summary>
/// The steps of the detail page, each through <see cref="ApplicationWorkflow"/> (the same use cases
/// as the API). Steps that cannot be taken back (a correction request is asked once, an extension
/// is granted once, a fee notice and the reply are final) need their "我已确认" box; the server checks it.
/// </summary>
public sealed partial class DetailModel
{
    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanReveal) return Forbid();
        var (idNumber, contact) = await workflow.RevealAsync(id, ct);
        Revealed = new PersonalDataView(idNumber, contact);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, string? on, CancellationToken ct) =>
        ActAsync(id, "accept", () => CanAccept, Map(("on", "accept-on")), [("accept-on", on)], async () =>
        {
            await workflow.AcceptAsync(id, new OnRequest(on), ct);
            return "已受理。";
        }, ct);

    public Task<IActionResult> OnPostReturnAsync(long id, string? on, string? reason, CancellationToken ct) =>
        ActAsync(id, "return", () => CanReturn, Map(("on", "return-on")), [("return-on", on), ("return-reason", reason)], async () =>
        {
            if (string.IsNullOrWhiteSpace(reason)) { Errors.Add("return-reason", "请填写退回理由"); return null; }
            await workflow.ReturnAsync(id, new ReasonOnRequest(on, reason), ct);
            return "已退回政府信息公开工作机构，由其重新分办。";
        }, ct);

    public Task<IActionResult> OnPostTransferAsync(long id, string? on, string? department, string? reason, CancellationToken ct) =>
        ActAsync(id, "transfer", () => CanTransfer, Map(("on", "transfer-on"), ("department", "transfer-department")),
            [("transfer-on", on), ("transfer-department", department), ("transfer-reason", reason)], async () =>
        {
            if (string.IsNullOrWhiteSpace(reason)) { Errors.Add("transfer-reason", "请填写转办理由"); return null; }
            var a = await workflow.TransferAsync(id, new TransferRequest(on, department, reason), ct);
            return "已转办，等待新的承办部门受理；答复期限不变（仍自收到申请之日起计算）。" + DueText(a);
        }, ct);

    public Task<IActionResult> OnPostCorrectionRequestAsync(long id, string? on, string? deadline, bool confirm, CancellationToken ct) =>
        ActAsync(id, "correction", () => CanAskCorrection, Map(("on", "correction-on"), ("deadline", "correction-deadline")),
            [("correction-on", on), ("correction-deadline", deadline)], async () =>
        {
            if (!Confirmed(confirm, "correction-confirm", "请勾选“我已确认”：补正只能一次性告知")) return null;
            var a = await workflow.RequestCorrectionAsync(id, new CorrectionRequest(on, deadline), ct);
            return "已登记补正告知。" + DueText(a);
        }, ct);

    public Task<IActionResult> OnPostCorrectedAsync(long id, string? on, CancellationToken ct) =>
        ActAsync(id, "corrected", () => CanRecordCorrection, Map(("on", "corrected-on")), [("corrected-on", on)], async () =>
        {
            var a = await workflow.RecordCorrectionAsync(id, new OnRequest(on), ct);
            return "已登记收到补正的申请，答复期限重新计算。" + DueText(a);
        }, ct);

    public Task<IActionResult> OnPostConsultationAsync(long id, string? from, string? party, CancellationToken ct) =>
        ActAsync(id, "consult", () => CanStartConsultation, Map(("from", "consult-from")), [("consult-from", from), ("consult-party", party)], async () =>
        {
            var a = await workflow.StartConsultationAsync(id, new ConsultationRequest(from, party), ct);
            var reading = a.ReadClock(await calendars.GetAsync(ct));
            return "已登记征求意见，其间不计算在答复期限内。"
                + (reading.ThirdPartyDueOn is { } due ? $"被征求意见方应于{ClockNames.Chinese(due)}前提出意见。" : "");
        }, ct);

    public Task<IActionResult> OnPostConsultationEndAsync(long id, string? on, CancellationToken ct) =>
        ActAsync(id, "consult-end", () => CanEndConsultation, Map(("on", "consult-end-on")), [("consult-end-on", on)], async () =>
        {
            var a = await workflow.EndConsultationAsync(id, new OnRequest(on), ct);
            return "已登记征求意见结束。" + DueText(a);
        }, ct);

    public Task<IActionResult> OnPostExtendAsync(long id, string? on, string? workingDays, string? reason, bool confirm, CancellationToken ct) =>
        ActAsync(id, "extend", () => CanExtend, Map(("on", "extend-on"), ("workingDays", "extend-days")),
            [("extend-on", on), ("extend-days", workingDays), ("extend-reason", reason)], async () =>
        {
            int? days = null;
            if (string.IsNullOrWhiteSpace(workingDays)) Errors.Add("extend-days", "请填写延长的工作日数");
            else if (int.TryParse(workingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) days = n;
            else Errors.Add("extend-days", $"延长的工作日数应为1至{F.Rules.MaxExtension()}的整数");
            if (string.IsNullOrWhiteSpace(reason)) Errors.Add("extend-reason", "请填写延期理由");
            if (!Confirmed(confirm, "extend-confirm", "请勾选“我已确认”：延长答复期限须经政府信息公开工作机构负责人同意并告知申请人，只能延长一次")) return null;
            if (Errors.Any) return null;
            var a = await workflow.ExtendAsync(id, new ExtendRequest(on, days, reason), ct);
            return $"已延长答复期限{days}个工作日，请告知申请人。" + DueText(a);
        }, ct);

    /// <summary>Computes the fee the notice would carry and shows it; nothing is recorded.</summary>
    public async Task<IActionResult> OnPostFeeQuoteAsync(long id, string? method, string? units, CancellationToken ct)
    {
        Remember([("fee-method", method), ("fee-units", units)]);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanNoticeFee) return Forbid();
        if (FeeInput(method, units) is { } input)
        {
            try
            {
                Quote = await workflow.QuoteFeeAsync(id, input.Pages, input.Items, ct);
            }
            catch (Exception e) when (FormErrors.IsRefusal(e))
            {
                Errors.Show(e, Map(("pages", "fee-units"), ("items", "fee-units")));
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostFeeNoticeAsync(long id, string? on, string? method, string? units, bool confirm, CancellationToken ct) =>
        ActAsync(id, "fee", () => CanNoticeFee, Map(("on", "fee-on"), ("amount", "fee-units")),
            [("fee-on", on), ("fee-method", method), ("fee-units", units)], async () =>
        {
            var input = FeeInput(method, units);
            if (!Confirmed(confirm, "fee-confirm", "请勾选“我已确认”：收费通知发出后不能撤回") || input is null) return null;
            var a = await workflow.NoticeFeeAsync(id, new FeeNoticeRequest(on, Pages: input.Value.Pages, Items: input.Value.Items), ct);
            return $"已登记收费通知，信息处理费{a.FeeAmount}元。" + DueText(a);
        }, ct);

    public Task<IActionResult> OnPostFeePaidAsync(long id, string? on, CancellationToken ct) =>
        ActAsync(id, "paid", () => CanRecordPayment, Map(("on", "paid-on")), [("paid-on", on)], async () =>
        {
            var a = await workflow.RecordFeePaidAsync(id, new OnRequest(on), ct);
            return "已登记缴费。" + DueText(a);
        }, ct);

    public Task<IActionResult> OnPostReplyAsync(long id, string? on, string? outcome, string? text, bool confirm, CancellationToken ct) =>
        ActAsync(id, "reply", () => CanReply, Map(("on", "reply-on"), ("outcome", "reply-outcome")),
            [("reply-on", on), ("reply-outcome", outcome), ("reply-text", text)], async () =>
        {
            if (!Confirmed(confirm, "reply-confirm", "请勾选“我已确认”：答复登记后不能修改")) return null;
            var a = await workflow.ReplyAsync(id, new ReplyRequest(on, outcome, text), ct);
            return a.Status == ApplicationStatus.Closed
                ? $"已终止：{a.Outcome!.Value.ToChinese()}。"
                : $"已登记答复：{a.Outcome!.Value.ToChinese()}。申请人可在查询页面看到答复。";
        }, ct);

    /// <summary>按量 (pages) or 按件 (items) and how many; null with the field's message when unusable.</summary>
    private (int? Pages, int? Items)? FeeInput(string? method, string? units)
    {
        if (method is not ("pages" or "items")) Errors.Add("fee-method", "请选择计费方式：按量（页数）或按件（件数）");
        if (!int.TryParse(units?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            Errors.Add("fee-units", "请填写页数或件数（正整数）");
        if (Errors.Has("fee-method") || Errors.Has("fee-units")) return null;
        return method == "pages" ? (n, null) : (null, n);
    }

    private bool Confirmed(bool confirm, string fieldId, string message)
    {
        if (!confirm) Errors.Add(fieldId, message);
        return confirm;
    }

    /// <summary>The due date after a step: the date, or why there is none now.</summary>
    private static string DueText(InformationApplication a) => a.Phase switch
    {
        ClockPhase.Running => $"当前答复期限：{ClockNames.Chinese(a.DueOn!.Value)}。",
        ClockPhase.AwaitingCorrection => "答复期限中止，自收到补正的申请之日起重新计算。",
        ClockPhase.InConsultation or ClockPhase.AwaitingPayment => "答复期限暂停计算。",
        _ => "",
    };

    private static Dictionary<string, string> Map(params (string Api, string FieldId)[] pairs) => pairs.ToDictionary(p => p.Api, p => p.FieldId);

    private void Remember(IEnumerable<(string FieldId, string? Value)> typed)
    {
        foreach (var (field, value) in typed) Typed[field] = value;
    }

    /// <summary>
    /// Runs a step: not found when the application is not visible, forbidden when the caller may not
    /// take it now; on success back to the page with a message (post/redirect/get); refused, the page
    /// again with the reason and what was typed. The step returns null when it refused the input itself.
    /// </summary>
    private async Task<IActionResult> ActAsync(long id, string form, Func<bool> canAct, IReadOnlyDictionary<string, string> fields,
        IEnumerable<(string FieldId, string? Value)> typed, Func<Task<string?>> step, CancellationToken ct)
    {
        Remember(typed);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!canAct()) return Forbid();
        try
        {
            if (await step() is { } message)
            {
                TempData["Message"] = message;
                return Redirect($"/admin/applications/{id}");
            }
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            Errors.Show(e, fields);
        }
        ActiveForm = form;
        // The page shows the application as it is now: a refused step changed nothing.
        await LoadAsync(id, ct);
        return Page();
    }
}

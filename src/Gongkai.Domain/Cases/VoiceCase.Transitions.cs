using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Cases;

public sealed partial class VoiceCase
{
    /// <summary>
    /// The office assigns the case to a lead department and any co-handlers. With
    /// <paramref name="workingDays"/>, the reply deadline becomes that many working days from
    /// receipt (or from the last re-handling) on the official calendar. Also how the office answers
    /// a return or a transfer request, and how it re-assigns. Complaints are not assigned: the
    /// office's supervision staff handle them, and the unit complained about must never see them.
    /// </summary>
    public void Assign(int lead, IReadOnlyCollection<int> coHandlers, int? workingDays, string leadName, TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(coHandlers);
        RequireKind("分办到部门（效能投诉由公开办监察人员直接办理）", CaseKind.Opinion, CaseKind.Suggestion);
        Require("分办", CaseStatus.Received, CaseStatus.Assigned, CaseStatus.Handling, CaseStatus.TransferRequested);
        if (workingDays is { } days) SetDue(DueFrom, days, context.Calendar);
        var co = coHandlers.Where(d => d != lead).Distinct().ToList();
        foreach (var a in _assignments.Where(a => a.Active)) a.End();
        _assignments.Add(new CaseAssignment(lead, lead: true, context.Today));
        foreach (var d in co) _assignments.Add(new CaseAssignment(d, lead: false, context.Today));
        DepartmentId = lead;
        TransferTargetId = null;
        Status = CaseStatus.Assigned;
        var text = $"主办：{leadName}；办理时限 {DueWorkingDays} 个工作日，{DueOn:yyyy年M月d日}前答复";
        if (co.Count > 0) text += $"；协办 {co.Count} 个部门";
        Record(CaseEventKind.Assigned, context, text, lead);
    }

    /// <summary>
    /// 签收: the lead department accepts an assigned case. For a complaint, the office's
    /// supervision staff take it up themselves.
    /// </summary>
    public void Accept(TransitionContext context)
    {
        if (Kind == CaseKind.Complaint)
        {
            Require("受理", CaseStatus.Received);
            Status = CaseStatus.Handling;
            Record(CaseEventKind.Accepted, context, $"公开办受理调查，{DueOn:yyyy年M月d日}前办结");
            return;
        }
        Require("签收", CaseStatus.Assigned);
        foreach (var a in _assignments.Where(a => a.Active && a.Lead)) a.Accept(context.Today);
        Status = CaseStatus.Handling;
        Record(CaseEventKind.Accepted, context, null, DepartmentId);
    }

    /// <summary>退回: the lead department returns the case to the office, with a reason; the office assigns it again.</summary>
    public void ReturnToOffice(string reason, TransitionContext context)
    {
        RequireKind("退回", CaseKind.Opinion, CaseKind.Suggestion);
        Require("退回", CaseStatus.Assigned, CaseStatus.Handling);
        var text = Reason(reason, "退回理由");
        var from = DepartmentId;
        foreach (var a in _assignments.Where(a => a.Active)) a.End();
        DepartmentId = null;
        Status = CaseStatus.Received;
        Record(CaseEventKind.Returned, context, text, from);
    }

    /// <summary>转办: the lead department asks the office to send the case to <paramref name="target"/>.</summary>
    public void RequestTransfer(int target, string targetName, string reason, TransitionContext context)
    {
        RequireKind("申请转办", CaseKind.Opinion, CaseKind.Suggestion);
        Require("申请转办", CaseStatus.Assigned, CaseStatus.Handling);
        if (target == DepartmentId) throw new DomainValueException("转办部门不能是本部门");
        var text = Reason(reason, "转办理由");
        TransferTargetId = target;
        Status = CaseStatus.TransferRequested;
        Record(CaseEventKind.TransferRequested, context, $"请求转至{targetName}：{text}", DepartmentId);
    }

    /// <summary>The office refuses a transfer: the case goes back to the lead department, not yet accepted.</summary>
    public void DeclineTransfer(string reason, TransitionContext context)
    {
        Require("处理转办申请", CaseStatus.TransferRequested);
        var text = Reason(reason, "不同意转办的理由");
        TransferTargetId = null;
        Status = CaseStatus.Assigned;
        Record(CaseEventKind.TransferDeclined, context, text, DepartmentId);
    }

    /// <summary>
    /// The handler drafts (or redrafts) the answer. A department's answer then waits for its
    /// reviewer; a complaint's findings, written by the supervision staff, wait for the office's check.
    /// </summary>
    public void DraftAnswer(string text, string departmentName, TransitionContext context)
    {
        Require("拟写答复", CaseStatus.Handling, CaseStatus.AnswerDrafted);
        AnswerText = Text(text, AnswerMax, "答复内容", required: true);
        AnswerDepartmentName = Text(departmentName, 100, "答复单位", required: true);
        Status = Kind == CaseKind.Complaint ? CaseStatus.AnswerApproved : CaseStatus.AnswerDrafted;
        Record(CaseEventKind.AnswerDrafted, context, null, DepartmentId, isInternal: true);
    }

    /// <summary>The department's reviewer approves the drafted answer; it goes to the office's check.</summary>
    public void ApproveAnswer(TransitionContext context)
    {
        Require("审核通过", CaseStatus.AnswerDrafted);
        Status = CaseStatus.AnswerApproved;
        Record(CaseEventKind.AnswerApproved, context, null, DepartmentId, isInternal: true);
    }

    /// <summary>The reviewer or the office sends a drafted answer back to the handler, with a reason.</summary>
    public void RejectAnswer(string reason, TransitionContext context)
    {
        Require("退回修改", CaseStatus.AnswerDrafted, CaseStatus.AnswerApproved);
        var text = Reason(reason, "退回修改的理由");
        Status = CaseStatus.Handling;
        Record(CaseEventKind.AnswerRejected, context, text, DepartmentId, isInternal: true);
    }

    /// <summary>
    /// The office's check passes: the answer is sent to the citizen today. Records whether it was
    /// on time and how many working days it took from receipt.
    /// </summary>
    public void SendAnswer(TransitionContext context)
    {
        Require("审核发送", CaseStatus.AnswerApproved);
        AnsweredOn = context.Today;
        AnsweredOnTime = context.Today <= DueOn;
        AnswerWorkingDays = context.Today > ReceivedOn ? context.Calendar.CountWorkingDays(ReceivedOn, context.Today) : 0;
        Status = CaseStatus.Answered;
        Rating = null;
        RatingComment = null;
        RatedAt = null;
        Record(CaseEventKind.Answered, context, AnswerText, DepartmentId);
    }

    /// <summary>
    /// Publishes the question and answer on the portal (问答). Only with the citizen's consent, never
    /// a complaint, and only texts without personal data (ID, mobile and bank card numbers): staff
    /// remove names and addresses when they edit the public wording.
    /// </summary>
    public void Publish(string title, string question, string answer, TransitionContext context)
    {
        RequireKind("公开（效能投诉不公开）", CaseKind.Opinion, CaseKind.Suggestion);
        Require("公开", CaseStatus.Answered, CaseStatus.Closed, CaseStatus.Reopened);
        if (!PublishConsent) throw new DomainConflictException("来信人未同意公开，不能公开");
        var t = Text(title, TitleMax, "公开标题", required: true)!;
        var q = Text(question, ContentMax, "公开的来信内容", required: true)!;
        var a = Text(answer, AnswerMax, "公开的答复内容", required: true)!;
        var hits = PersonalDataScanner.Scan(t, "标题").Concat(PersonalDataScanner.Scan(q, "来信内容")).Concat(PersonalDataScanner.Scan(a, "答复内容")).ToList();
        if (hits.Count > 0)
            throw new DomainValueException("公开文本含个人信息，请删除后再公开：" +
                string.Join("；", hits.Select(h => $"{h.Source}中的{PersonalDataScanner.KindName(h.Kind)} {h.Masked}")));
        PublicTitle = t;
        PublicQuestion = q;
        PublicAnswer = a;
        PublishedAt = context.At;
        Record(CaseEventKind.Published, context);
    }

    public void Unpublish(string reason, TransitionContext context)
    {
        if (PublishedAt is null) throw new DomainConflictException("该件未公开");
        var text = Reason(reason, "撤回理由");
        PublishedAt = null;
        Record(CaseEventKind.Unpublished, context, text, isInternal: true);
    }

    /// <summary>The citizen rates the latest answer, once per answer.</summary>
    public void Rate(CaseRating rating, string? comment, TransitionContext context)
    {
        if (!Enum.IsDefined(rating)) throw new DomainValueException("评价无效");
        Require("评价", CaseStatus.Answered, CaseStatus.Closed);
        if (AnsweredOn is null) throw new DomainConflictException("尚未答复，不能评价");
        if (RatedAt is not null) throw new DomainConflictException("已评价过该答复");
        Rating = rating;
        RatingComment = Text(comment, 500, "评价意见", required: false);
        RatedAt = context.At;
        Record(CaseEventKind.Rated, context, RatingComment is null ? rating.ToChinese() : $"{rating.ToChinese()}：{RatingComment}");
    }

    /// <summary>An unsatisfied citizen reopens the case, once; the office then decides (发回重办 or 办结).</summary>
    public void Reopen(string reason, TransitionContext context)
    {
        Require("重新办理", CaseStatus.Answered, CaseStatus.Closed);
        if (Rating != CaseRating.Unsatisfied) throw new DomainConflictException("只有评价为“不满意”的答复可以申请重新办理");
        if (ReopenCount >= 1) throw new DomainConflictException("每件只能申请重新办理一次");
        var text = Reason(reason, "不满意的理由");
        ReopenCount++;
        ClosedOn = null;
        Status = CaseStatus.Reopened;
        Record(CaseEventKind.Reopened, context, text);
    }

    /// <summary>
    /// 发回重办: the office sends an answered or reopened case back to its lead department, with a new
    /// deadline of <paramref name="workingDays"/> working days from today.
    /// </summary>
    public void SendBack(string reason, int workingDays, TransitionContext context)
    {
        RequireKind("发回重办", CaseKind.Opinion, CaseKind.Suggestion);
        Require("发回重办", CaseStatus.Answered, CaseStatus.Reopened);
        if (DepartmentId is null) throw new DomainConflictException("该件没有主办部门，请重新分办");
        var text = Reason(reason, "发回重办的理由");
        SetDue(context.Today, workingDays, context.Calendar);
        Status = CaseStatus.Handling;
        Record(CaseEventKind.SentBack, context, $"{text}（{DueOn:yyyy年M月d日}前重新答复）", DepartmentId);
    }

    /// <summary>回访: staff called the citizen back; what they said.</summary>
    public void RecordFollowUp(string result, TransitionContext context)
    {
        Require("记录回访", CaseStatus.Answered, CaseStatus.Reopened, CaseStatus.Closed);
        Record(CaseEventKind.FollowUp, context, Text(result, ReasonMax, "回访结果", required: true), DepartmentId, isInternal: true);
    }

    /// <summary>督办: a supervision note on the case; with <paramref name="escalate"/>, raised to the office's leadership.</summary>
    public void Supervise(string note, bool escalate, TransitionContext context)
    {
        if (!Status.IsOpen()) throw new DomainConflictException("该件已办结，无需督办");
        var text = Text(note, ReasonMax, "督办意见", required: true);
        if (escalate && !Escalated)
        {
            Escalated = true;
            Record(CaseEventKind.Escalated, context, text, DepartmentId, isInternal: true);
        }
        else Record(CaseEventKind.Supervised, context, text, DepartmentId, isInternal: true);
    }

    /// <summary>A complaint's investigation: what was found and what sanctions were taken (问责、处理).</summary>
    public void RecordFindings(ComplaintFinding finding, string findings, string? sanctions, TransitionContext context)
    {
        RequireKind("记录调查结论", CaseKind.Complaint);
        Require("记录调查结论", CaseStatus.Handling, CaseStatus.AnswerApproved);
        if (!Enum.IsDefined(finding)) throw new DomainValueException("调查结论无效");
        Findings = Text(findings, AnswerMax, "调查情况", required: true);
        Sanctions = Text(sanctions, ReasonMax, "处理结果", required: false);
        Finding = finding;
        Record(CaseEventKind.Findings, context, finding.ToChinese(), isInternal: true);
    }

    /// <summary>
    /// 办结. An opinion closes once answered (or when the office decides a reopened one stands); a
    /// suggestion needs its outcome (整改/采纳/答复); a complaint needs the investigation's findings.
    /// </summary>
    public void Close(SuggestionOutcome? outcome, string? note, TransitionContext context)
    {
        Require("办结", CaseStatus.Answered, CaseStatus.Reopened);
        if (Kind == CaseKind.Suggestion)
        {
            if (outcome is not { } o || !Enum.IsDefined(o)) throw new DomainValueException("请选择建议的办理结果：已整改、已采纳或已答复");
            Outcome = o;
        }
        if (Kind == CaseKind.Complaint && Finding is null) throw new DomainConflictException("请先记录调查结论");
        var text = Text(note, ReasonMax, "办结说明", required: false);
        ClosedOn = context.Today;
        Status = CaseStatus.Closed;
        Record(CaseEventKind.Closed, context, Outcome is { } done && Kind == CaseKind.Suggestion ? Join(done.ToChinese(), text) : text, DepartmentId);
    }

    /// <summary>
    /// Merges this duplicate into <paramref name="target"/>: this one ends as 已合并 and points to it;
    /// the target's timeline notes it. Both must be of the same kind and still open.
    /// </summary>
    public void MergeInto(VoiceCase target, TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(target, this) || target.Id == Id) throw new DomainValueException("不能与本件合并");
        if (target.Kind != Kind) throw new DomainValueException("只能合并同一类型的事项");
        if (!Status.IsOpen()) throw new DomainConflictException($"该件当前状态为“{Status.ToChinese()}”，不能合并");
        if (!target.Status.IsOpen()) throw new DomainConflictException($"目标件当前状态为“{target.Status.ToChinese()}”，不能合并");
        MergedIntoId = target.Id;
        Status = CaseStatus.Merged;
        ClosedOn = context.Today;
        Record(CaseEventKind.Merged, context, $"并入 {target.TrackingCode}");
        target.Record(CaseEventKind.MergedFrom, context, $"合并 {TrackingCode}", isInternal: true);
    }

    /// <summary>A note on the timeline (e.g. a co-handler's contribution).</summary>
    public void AddNote(string note, int? departmentId, TransitionContext context) =>
        Record(CaseEventKind.Note, context, Text(note, ReasonMax, "备注", required: true), departmentId, isInternal: true);

    /// <summary>Recomputes the due date after the office entered a new year's holiday notice. True when it changed.</summary>
    public bool Recompute(WorkingDayCalendar calendar)
    {
        if (!Status.IsPending()) return false;
        var due = calendar.AddWorkingDays(DueFrom, DueWorkingDays).Due;
        if (due == DueOn) return false;
        DueOn = due;
        return true;
    }

    private static string Join(string a, string? b) => b is null ? a : $"{a}：{b}";
}

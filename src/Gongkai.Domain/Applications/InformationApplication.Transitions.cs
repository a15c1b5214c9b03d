using Gongkai.Domain.Common;
using static Gongkai.Domain.Applications.ClockNames;

namespace Gongkai.Domain.Applications;

public sealed partial class InformationApplication
{
    /// <summary>The handling department accepts the application (受理).</summary>
    public void Accept(DateOnly on, TransitionContext context)
    {
        RequireOpen("受理");
        if (Status != ApplicationStatus.Received)
            throw new DomainConflictException($"只有待受理的申请可以受理（当前状态：{Status.ToChinese()}）");
        Record(ApplicationEventKind.Accepted, on, context);
        Status = ApplicationStatus.Accepted;
        AcceptedOn = on;
    }

    /// <summary>The handling department gives the application back to the office, saying why.</summary>
    public void ReturnToOffice(DateOnly on, string reason, TransitionContext context)
    {
        RequireOpen("退回");
        if (Status is not (ApplicationStatus.Received or ApplicationStatus.Accepted))
            throw new DomainConflictException($"只有待受理或办理中的申请可以退回公开办（当前状态：{Status.ToChinese()}）");
        var why = Reason(reason, "退回理由");
        Record(ApplicationEventKind.ReturnedToOffice, on, context, reason: why);
        Status = ApplicationStatus.ReturnedToOffice;
        ReturnReason = why;
        AcceptedOn = null;
    }

    /// <summary>
    /// The office assigns the application to another handling department (转办); it waits for that
    /// department to accept it. The clock runs on: the agency received it on <see cref="ReceivedOn"/>.
    /// </summary>
    public void Transfer(DateOnly on, int departmentId, string reason, TransitionContext context)
    {
        RequireOpen("转办");
        if (departmentId == DepartmentId) throw new DomainValueException("转办的承办部门与当前承办部门相同");
        var why = Reason(reason, "转办理由");
        Record(ApplicationEventKind.Transferred, on, context, reason: why, departmentId: departmentId);
        DepartmentId = departmentId;
        Status = ApplicationStatus.Received;
        AcceptedOn = null;
        ReturnReason = null;
    }

    /// <summary>补正 (第三十条): asked once, within 7 working days of receipt, with a deadline.</summary>
    public void RequestCorrection(DateOnly on, DateOnly deadline, TransitionContext context)
    {
        RequireOpen("要求补正");
        Record(ApplicationEventKind.CorrectionRequested, on, context, end: deadline);
    }

    /// <summary>The corrected application arrived on <paramref name="on"/>; the clock starts again.</summary>
    public void RecordCorrection(DateOnly on, TransitionContext context)
    {
        RequireOpen("登记补正");
        Record(ApplicationEventKind.Corrected, on, context);
    }

    /// <summary>Consultation of a third party (第三十二条) or another agency (第三十四条) sent on <paramref name="on"/>.</summary>
    /// <param name="party">Whom it went to (optional).</param>
    public void StartConsultation(DateOnly on, string? party, TransitionContext context)
    {
        RequireOpen("征求意见");
        var whom = Blank(party);
        if (whom?.Length > 200) throw new DomainValueException("被征求意见方不超过200个字");
        Record(ApplicationEventKind.ConsultationStarted, on, context, reason: whom);
    }

    /// <summary>The answer arrived (or the agency stopped waiting) on <paramref name="on"/>.</summary>
    public void EndConsultation(DateOnly on, TransitionContext context)
    {
        RequireOpen("登记征求意见结束");
        Record(ApplicationEventKind.ConsultationEnded, on, context);
    }

    /// <summary>The one extension approved by the head of the disclosure office (第三十三条第二款).</summary>
    public void Extend(DateOnly on, int workingDays, string reason, TransitionContext context)
    {
        RequireOpen("延长答复期限");
        var why = Reason(reason, "延期理由");
        Record(ApplicationEventKind.Extended, on, context, workingDays: workingDays, reason: why);
    }

    /// <summary>A 信息处理费 notice of <paramref name="amount"/> 元 (see <see cref="InformationProcessingFee"/>).</summary>
    public void NoticeFee(DateOnly on, int amount, TransitionContext context)
    {
        RequireOpen("发出收费通知");
        if (amount is < 1 or > 10_000_000) throw new DomainValueException("收费金额应为1至10000000元");
        Record(ApplicationEventKind.FeeNoticed, on, context, amount: amount);
        FeeAmount = amount;
    }

    public void RecordFeePaid(DateOnly on, TransitionContext context)
    {
        RequireOpen("登记缴费");
        Record(ApplicationEventKind.FeePaid, on, context, amount: FeeAmount);
    }

    /// <summary>
    /// The reply, exactly once. 其他处理 1 and 2 are only possible once the applicant's correction or
    /// payment deadline has passed, and then close the application rather than answer it.
    /// </summary>
    public void Reply(DateOnly on, ReplyOutcome outcome, string? text, TransitionContext context)
    {
        RequireOpen("答复");
        if (!Enum.IsDefined(outcome)) throw new DomainValueException("答复结果无效");
        var body = Blank(text);
        if (body?.Length > 20_000) throw new DomainValueException("答复内容不超过20000个字");
        var lapse = outcome is ReplyOutcome.OtherNoCorrection or ReplyOutcome.OtherUnpaidFee;
        Record(lapse ? ApplicationEventKind.Closed : ApplicationEventKind.Replied, on, context, outcome: outcome);
        Finish(lapse ? ApplicationStatus.Closed : ApplicationStatus.Replied, outcome, on, body);
    }

    /// <summary>
    /// Closes the application when the applicant let the correction deadline (第三十条) or the
    /// payment deadline (国办函〔2020〕109号) pass by <see cref="TransitionContext.Today"/>. Returns
    /// false, changing nothing, when there is nothing to close.
    /// </summary>
    public bool CloseIfLapsed(TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Status.IsOpen() || ReadClock(context.Calendar).Lapse(context.Today) is not { } lapse) return false;
        // Staff may have recorded something (a transfer, say) after the deadline; the history stays in order.
        var on = lapse.On < LastEventOn ? LastEventOn : lapse.On;
        Record(ApplicationEventKind.Closed, on, context, outcome: lapse.Outcome);
        Finish(ApplicationStatus.Closed, lapse.Outcome, on, null);
        return true;
    }

    private DateOnly LastEventOn => _events.Count == 0 ? ReceivedOn : _events[^1].On;

    private void Finish(ApplicationStatus status, ReplyOutcome outcome, DateOnly on, string? text)
    {
        Status = status;
        Outcome = outcome;
        FinishedOn = on;
        ReplyText = text;
    }

    /// <summary>
    /// Checks the date, replays the clock with the new row, and only when both accept it adds the
    /// row and stores the new due date: a refused step changes nothing.
    /// </summary>
    private void Record(ApplicationEventKind kind, DateOnly on, TransitionContext context,
        DateOnly? end = null, int? workingDays = null, int? amount = null, string? reason = null,
        ReplyOutcome? outcome = null, int? departmentId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (on < ReceivedOn) throw new DomainValueException($"日期（{Chinese(on)}）不能早于收到申请之日（{Chinese(ReceivedOn)}）");
        if (on < LastEventOn) throw new DomainValueException($"日期（{Chinese(on)}）不能早于上一次登记的办理日期（{Chinese(LastEventOn)}）");
        if (on > context.Today) throw new DomainValueException($"日期（{Chinese(on)}）不能晚于今天");

        var row = new ApplicationEvent(_events.Count + 1, kind, on, context, end, workingDays, amount, reason, outcome, departmentId);
        var reading = StatutoryClock.Read(context.Calendar, ReceivedOn, ClockEvents(_events.Append(row)));
        if (kind is ApplicationEventKind.ConsultationEnded or ApplicationEventKind.FeePaid)
            row.NoteWorkingDays(reading.Steps[^1].WorkingDays);

        _events.Add(row);
        DueOn = reading.DueOn;
        Phase = reading.Phase;
        DueReason = reading.LastMove.Reason;
        UpdatedAt = context.At;
        Version++;
    }

    private void RequireOpen(string action)
    {
        if (Status == ApplicationStatus.Replied)
            throw new DomainConflictException($"该申请已于{Chinese(FinishedOn!.Value)}答复，不能再{action}");
        if (Status == ApplicationStatus.Closed)
            throw new DomainConflictException($"该申请已于{Chinese(FinishedOn!.Value)}终止，不能再{action}");
    }

    private static string Reason(string? reason, string field)
    {
        var text = Blank(reason);
        if (text is null || text.Length > 500) throw new DomainValueException($"请填写{field}（不超过500个字）");
        return text;
    }
}

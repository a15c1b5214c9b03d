namespace Gongkai.Domain.Applications;

/// <summary>
/// Where an application stands in the office's workflow. The statutory clock has its own
/// <see cref="ClockPhase"/> beside it: an accepted application may be waiting for a correction.
/// </summary>
public enum ApplicationStatus
{
    /// <summary>待受理: registered and assigned to a handling department that has not accepted it yet.</summary>
    Received = 0,
    /// <summary>办理中: the handling department accepted it.</summary>
    Accepted = 1,
    /// <summary>退回公开办: the department returned it to the office with a reason; the office reassigns it.</summary>
    ReturnedToOffice = 2,
    /// <summary>已答复.</summary>
    Replied = 3,
    /// <summary>已终止: closed because the applicant let the correction or payment deadline pass.</summary>
    Closed = 4,
}

/// <summary>What an <see cref="ApplicationEvent"/> records.</summary>
public enum ApplicationEventKind
{
    /// <summary>收到申请 (registered, online or by staff).</summary>
    Received = 0,
    /// <summary>承办部门受理.</summary>
    Accepted = 1,
    /// <summary>退回公开办, with a reason.</summary>
    ReturnedToOffice = 2,
    /// <summary>转办 to another handling department, with a reason.</summary>
    Transferred = 3,
    CorrectionRequested = 4,
    Corrected = 5,
    ConsultationStarted = 6,
    ConsultationEnded = 7,
    Extended = 8,
    FeeNoticed = 9,
    FeePaid = 10,
    Replied = 11,
    /// <summary>Closed by the clock rules (no correction or no payment in time).</summary>
    Closed = 12,
}

public static class ApplicationNames
{
    public static bool IsOpen(this ApplicationStatus status) => status is not (ApplicationStatus.Replied or ApplicationStatus.Closed);

    public static string Code(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Received => "received",
        ApplicationStatus.Accepted => "accepted",
        ApplicationStatus.ReturnedToOffice => "returned",
        ApplicationStatus.Replied => "replied",
        ApplicationStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParseStatus(string? code, out ApplicationStatus status)
    {
        foreach (var s in Enum.GetValues<ApplicationStatus>())
        {
            if (string.Equals(s.Code(), (code ?? "").Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static string ToChinese(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Received => "待受理",
        ApplicationStatus.Accepted => "办理中",
        ApplicationStatus.ReturnedToOffice => "退回公开办",
        ApplicationStatus.Replied => "已答复",
        ApplicationStatus.Closed => "已终止",
        _ => status.ToString(),
    };

    public static string Code(this ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.Received => "received",
        ApplicationEventKind.Accepted => "accepted",
        ApplicationEventKind.ReturnedToOffice => "returned",
        ApplicationEventKind.Transferred => "transferred",
        ApplicationEventKind.CorrectionRequested => "correction-request",
        ApplicationEventKind.Corrected => "corrected",
        ApplicationEventKind.ConsultationStarted => "consultation",
        ApplicationEventKind.ConsultationEnded => "consultation-end",
        ApplicationEventKind.Extended => "extend",
        ApplicationEventKind.FeeNoticed => "fee-notice",
        ApplicationEventKind.FeePaid => "fee-paid",
        ApplicationEventKind.Replied => "reply",
        ApplicationEventKind.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToChinese(this ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.Received => "收到申请",
        ApplicationEventKind.Accepted => "承办部门受理",
        ApplicationEventKind.ReturnedToOffice => "退回公开办",
        ApplicationEventKind.Transferred => "转办",
        ApplicationEventKind.CorrectionRequested => "告知补正",
        ApplicationEventKind.Corrected => "收到补正",
        ApplicationEventKind.ConsultationStarted => "征求意见",
        ApplicationEventKind.ConsultationEnded => "征求意见结束",
        ApplicationEventKind.Extended => "延长答复期限",
        ApplicationEventKind.FeeNoticed => "发出收费通知",
        ApplicationEventKind.FeePaid => "缴纳信息处理费",
        ApplicationEventKind.Replied => "答复",
        ApplicationEventKind.Closed => "终止",
        _ => kind.ToString(),
    };
}

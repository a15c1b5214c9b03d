using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Applications;

/// <summary>
/// What every change of an application needs from outside the domain: the calendar to count
/// working days on, today's date (no statutory date may lie after it), and who records it when.
/// </summary>
/// <param name="Calendar">The official calendar with the office's entered years.</param>
/// <param name="Today">Today in China (UTC+8).</param>
/// <param name="By">The staff member's user name, or a fixed name such as 申请人 or 系统.</param>
/// <param name="At">The UTC instant of recording.</param>
public sealed record TransitionContext(WorkingDayCalendar Calendar, DateOnly Today, string By, DateTime At);

/// <summary>What an applicant gives (第二十九条) and where and when it arrived (第三十一条).</summary>
/// <param name="IdNumber">身份证明; optional for 法人或其他组织. Stored as given: the app passes it encrypted.</param>
/// <param name="Contact">联系方式. Stored as given: the app passes it encrypted.</param>
/// <param name="Description">The information sought: name, 文号 or another description that finds it.</param>
/// <param name="DeliveryForm">The required form and way of delivery (第二十九条第二款第（三）项).</param>
/// <param name="TrackingCode">The public tracking code, made by the app.</param>
/// <param name="AccessKeyHash">A hash of the applicant's access key, made by the app; the key itself is never stored.</param>
public sealed record ApplicationIntake(
    ApplicantType ApplicantType,
    string Name,
    string? IdNumber,
    string? Contact,
    string Description,
    string? DocumentNumber,
    string? DeliveryForm,
    ReceiptChannel Channel,
    DateOnly ReceivedOn,
    int DepartmentId,
    string TrackingCode,
    string AccessKeyHash)
{
    /// <summary>The ID number as lists and the tracking page show it (<see cref="ApplicantData.MaskIdNumber"/>).</summary>
    public string? IdNumberMasked { get; init; }

    /// <summary>The contact as lists and the tracking page show it (<see cref="ApplicantData.MaskContact"/>).</summary>
    public string? ContactMasked { get; init; }
}

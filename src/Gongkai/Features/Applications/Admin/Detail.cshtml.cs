using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Calendar;
using Gongkai.Features.Catalogue.Admin;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications.Admin;

/// <summary>
/// /admin/applications/{id}: one application for staff. The applicant's data masked (the full
/// values only on request, for the handling department and the office, audited), the statutory
/// clock and its timeline with reasons, possible repeats, one form per step the application
/// allows now (Detail.Actions.cs), review and litigation cases (Detail.Remedies.cs). A refused
/// step re-renders the page with the Chinese reason and what was typed.
/// </summary>
public sealed partial class DetailModel(
    GongkaiDbContext db, DepartmentScope scope, ApplicationWorkflow workflow, CalendarService calendars, TimeProvider clock) : PageModel
{
    /// <summary>What the forms depend on, read from the application and its clock.</summary>
    public sealed record Facts(
        int DepartmentId, ApplicationStatus Status, ClockPhase Phase, RulesVersion Rules, DateOnly ReceivedOn,
        DateOnly? CorrectionNoticeDueOn, bool CorrectionAsked, bool FeeNoticed, bool OtherClockSteps, int ExtendedDays,
        DateOnly? ThirdPartyDueOn, DateOnly? LastEventOn, bool WeekdaysOnlyAssumed, string? ReplyText);

    public ApplicationDetail View { get; private set; } = null!;
    public Facts F { get; private set; } = null!;
    public PersonalDataView? Revealed { get; private set; }
    public List<Choice> Departments { get; private set; } = [];
    public FeeQuote? Quote { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The form whose step was refused: its messages are repeated inside it.</summary>
    public string? ActiveForm { get; private set; }

    /// <summary>The consulted party's 15 working days (第三十二条、第三十四条) if the letter went out today.</summary>
    public DateOnly? ThirdPartyLimitFromToday { get; private set; }

    /// <summary>The values typed into the action forms (by field id), shown again when a step is refused.</summary>
    public Dictionary<string, string?> Typed { get; } = [];

    public DateOnly Today => ChinaTime.Today(clock);
    public string TodayIso => Iso(Today);

    public bool CanWrite => scope.CanWrite(F.DepartmentId);
    public bool IsOffice => scope.WritesAll;
    public bool Open => F.Status.IsOpen();
    /// <summary>Only the handling department and the office see the full ID number and contact.</summary>
    public bool CanReveal => CanWrite;
    public bool CanAccept => CanWrite && F.Status == ApplicationStatus.Received;
    public bool CanReturn => CanWrite && !IsOffice && F.Status is ApplicationStatus.Received or ApplicationStatus.Accepted;
    public bool CanTransfer => IsOffice && Open;
    /// <summary>第三十条: once, before any consultation, extension or fee.</summary>
    public bool CanAskCorrection => CanWrite && F.Phase == ClockPhase.Running && !F.CorrectionAsked && !F.OtherClockSteps;
    public bool CanRecordCorrection => CanWrite && F.Phase == ClockPhase.AwaitingCorrection;
    public bool CanStartConsultation => CanWrite && F.Phase == ClockPhase.Running;
    public bool CanEndConsultation => CanWrite && F.Phase == ClockPhase.InConsultation;
    public bool CanExtend => CanWrite && F.Phase == ClockPhase.Running && F.ExtendedDays == 0;
    /// <summary>国办函〔2020〕109号 applies to applications under the 2019 条例, one notice each.</summary>
    public bool CanNoticeFee => CanWrite && F.Phase == ClockPhase.Running && !F.FeeNoticed && F.Rules == RulesVersion.Rules2019;
    public bool CanRecordPayment => CanWrite && F.Phase == ClockPhase.AwaitingPayment;
    public bool CanReply => CanWrite && Open;
    public bool CanRecordCases => CanWrite;

    /// <summary>A typed value, or the default the form starts with.</summary>
    public string? V(string fieldId, string? initial = null) => Typed.TryGetValue(fieldId, out var v) ? v : initial;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Loads the application as the caller may see it; false when it does not exist or is another department's.</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var detail = await ApplicationQueries.DetailAsync(db, scope, calendar, id, ct);
        if (detail is null) return false;
        var a = await db.Applications.AsNoTracking().Include(x => x.Events).SingleAsync(x => x.Id == id, ct);
        var reading = a.ReadClock(calendar);
        var kinds = a.Events.Select(e => e.Kind).ToHashSet();
        View = detail;
        F = new Facts(a.DepartmentId, a.Status, reading.Phase, reading.Rules, a.ReceivedOn, reading.CorrectionNoticeDueOn,
            kinds.Contains(ApplicationEventKind.CorrectionRequested), kinds.Contains(ApplicationEventKind.FeeNoticed),
            kinds.Overlaps([ApplicationEventKind.ConsultationStarted, ApplicationEventKind.Extended, ApplicationEventKind.FeeNoticed]),
            reading.ExtendedDays, reading.ThirdPartyDueOn, reading.LastEventOn, reading.WeekdaysOnlyAssumed, a.ReplyText);
        ThirdPartyLimitFromToday = reading.Rules.ConsultationLimit() is { } days ? calendar.AddWorkingDays(Today, days).Due : null;
        if (IsOffice && Open) Departments = await ItemChoices.DepartmentsAsync(db, ct);
        return true;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Chinese(DateOnly? d) => d is { } x ? ClockNames.Chinese(x) : "—";
}

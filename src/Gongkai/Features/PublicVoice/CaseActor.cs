using System.Security.Claims;
using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// Who may see and do what with a case: the one place for it, used by the workflow, the lists, the
/// API and the pages.
/// <list type="bullet">
/// <item>Conduct complaints (效能投诉) are confidential: only the office's supervision staff
/// (<see cref="StaffRoles.Inspector"/>) see or touch them; not the office administrators, not
/// supervisors, never a department (so never the unit complained about).</item>
/// <item>Opinions and suggestions: the office reads and steers all; supervisors read all; a
/// department reads the cases it is assigned (lead or co-handler) and acts on those it leads; only
/// its reviewer approves its answers.</item>
/// </list>
/// </summary>
public sealed class CaseActor
{
    public static readonly CaseActor Citizen = new(null, null);

    public bool IsStaff { get; }
    public bool IsOffice { get; }
    public bool IsInspector { get; }
    public bool IsSupervisor { get; }
    public bool IsReviewer { get; }
    public int? DepartmentId { get; }

    public CaseActor(ClaimsPrincipal? user, int? departmentId)
    {
        if (user?.Identity?.IsAuthenticated != true) return;
        IsStaff = true;
        IsOffice = user.IsInRole(StaffRoles.OfficeAdmin);
        IsInspector = user.IsInRole(StaffRoles.Inspector);
        IsSupervisor = user.IsInRole(StaffRoles.Supervisor);
        IsReviewer = user.IsInRole(StaffRoles.Reviewer);
        DepartmentId = user.IsInRole(StaffRoles.Editor) || IsReviewer ? departmentId : null;
    }

    public static CaseActor For(ClaimsPrincipal? user) =>
        new(user, int.TryParse(user?.FindFirstValue(DepartmentScope.DepartmentClaim), out var d) ? d : null);

    /// <summary>Kinds this actor may see at all.</summary>
    public bool SeesKind(CaseKind kind) => kind == CaseKind.Complaint ? IsInspector : IsOffice || IsSupervisor || DepartmentId is not null;

    /// <summary>Reads every case of the kinds it sees (the office, supervisors, the supervision staff for complaints).</summary>
    public bool ReadsAllOf(CaseKind kind) => kind == CaseKind.Complaint ? IsInspector : IsOffice || IsSupervisor;

    /// <summary>The cases this actor may read, as a query filter (the department rule reads the active assignments).</summary>
    public IQueryable<VoiceCase> Visible(IQueryable<VoiceCase> cases)
    {
        if (!IsStaff) return cases.Where(_ => false);
        var complaints = IsInspector;
        var all = IsOffice || IsSupervisor;
        var dept = DepartmentId;
        return cases.Where(c => c.Kind == CaseKind.Complaint
            ? complaints
            : all || (dept != null && c.Assignments.Any(a => a.Active && a.DepartmentId == dept)));
    }

    public bool CanRead(VoiceCase c) =>
        c.Kind == CaseKind.Complaint ? IsInspector
        : IsOffice || IsSupervisor || (DepartmentId is { } d && c.Assignments.Any(a => a.Active && a.DepartmentId == d));

    /// <summary>Office steps (assign, check, publish, close, send back, merge …): the supervision staff for complaints, the office for the rest.</summary>
    public bool ActsAsOffice(CaseKind kind) => kind == CaseKind.Complaint ? IsInspector : IsOffice;

    /// <summary>The lead department's steps (accept, return, transfer, draft the answer); the supervision staff handle complaints themselves.</summary>
    public bool ActsAsHandler(VoiceCase c) =>
        c.Kind == CaseKind.Complaint ? IsInspector : DepartmentId is { } d && d == c.DepartmentId;

    /// <summary>The lead department's reviewer approves its answer (审核).</summary>
    public bool ActsAsReviewer(VoiceCase c) => c.Kind != CaseKind.Complaint && IsReviewer && DepartmentId is { } d && d == c.DepartmentId;

    /// <summary>Lead or co-handling department (a co-handler adds notes).</summary>
    public bool IsAssigned(VoiceCase c) => DepartmentId is { } d && c.Assignments.Any(a => a.Active && a.DepartmentId == d);

    /// <summary>Sees the citizen's name and (masked) contact. The departments complained about never do: complaints are the supervision staff's only.</summary>
    public bool SeesCitizen(VoiceCase c) => c.Kind == CaseKind.Complaint ? IsInspector : IsOffice || ActsAsHandler(c);
}

using System.Security.Claims;

namespace Gongkai.Features.Accounts;

/// <summary>
/// The one place that decides which departments' non-public records a caller may read and change.
/// Office administrators read and write everything; supervisors read everything and write nothing;
/// editors and reviewers read and write their own department only; anyone else (citizens,
/// background work without a staff identity) reads and writes nothing non-public.
/// Pages and API endpoints filter queries through <see cref="Visible{T}"/>; the DbContext checks
/// every write of an <see cref="IDepartmentOwned"/> record through <see cref="EnsureCanWrite"/>.
/// </summary>
public sealed class DepartmentScope
{
    public const string DepartmentClaim = "gongkai:department";

    public bool IsStaff { get; }
    public bool ReadsAll { get; }
    public bool WritesAll { get; }
    public int? DepartmentId { get; }
    public string? UserId { get; }

    private DepartmentScope(bool isStaff, bool readsAll, bool writesAll, int? departmentId, string? userId)
    {
        IsStaff = isStaff;
        ReadsAll = readsAll;
        WritesAll = writesAll;
        DepartmentId = departmentId;
        UserId = userId;
    }

    public static readonly DepartmentScope Anonymous = new(false, false, false, null, null);

    /// <summary>For system work (seeding, commands): everything.</summary>
    public static readonly DepartmentScope System = new(true, true, true, null, "system");

    public static DepartmentScope For(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Anonymous;
        int? department = int.TryParse(user.FindFirstValue(DepartmentClaim), out var d) ? d : null;
        var admin = user.IsInRole(StaffRoles.OfficeAdmin);
        var supervisor = user.IsInRole(StaffRoles.Supervisor);
        return new DepartmentScope(true, admin || supervisor, admin, department, user.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    public bool CanRead(int? departmentId) => ReadsAll || (departmentId is not null && departmentId == DepartmentId);

    public bool CanWrite(int? departmentId) => WritesAll || (IsStaff && !ReadsAll && departmentId is not null && departmentId == DepartmentId);

    public IQueryable<T> Visible<T>(IQueryable<T> query) where T : class, IDepartmentOwned
    {
        if (ReadsAll) return query;
        if (DepartmentId is null) return query.Where(_ => false);
        var id = DepartmentId;
        return query.Where(e => e.DepartmentId == id);
    }

    public void EnsureCanWrite(int? departmentId)
    {
        if (!CanWrite(departmentId)) throw new DepartmentScopeException();
    }
}

/// <summary>A write outside the caller's department. Shown as 403.</summary>
public sealed class DepartmentScopeException : Exception
{
    public DepartmentScopeException() : base("无权修改其他部门的记录") { }
    public DepartmentScopeException(string message) : base(message) { }
    public DepartmentScopeException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// Gives the scope of the current request when asked, not when constructed: a DbContext may be
/// created during authentication (the security-stamp check), before the request's user is known.
/// </summary>
public sealed class DepartmentScopeAccessor(IHttpContextAccessor? http, DepartmentScope? fixedScope = null)
{
    public DepartmentScope Current => fixedScope ?? DepartmentScope.For(http?.HttpContext?.User);

    public static DepartmentScopeAccessor Fixed(DepartmentScope scope) => new(null, scope);
}

using System.Security.Claims;

namespace Gongkai.Features.Audit;

/// <summary>Who is writing: a staff member, or the system itself (seeding, commands).</summary>
public sealed record AuditActor(string Id, string Name, string? Ip, bool IsStaff)
{
    public static readonly AuditActor System = new("system", "系统", null, IsStaff: true);
}

public interface IAuditActorAccessor
{
    AuditActor? Current { get; }
}

/// <summary>The signed-in staff member of the current request (cookie or bearer token).</summary>
public sealed class HttpAuditActorAccessor(IHttpContextAccessor http) : IAuditActorAccessor
{
    public AuditActor? Current
    {
        get
        {
            var context = http.HttpContext;
            var user = context?.User;
            if (user?.Identity?.IsAuthenticated != true) return null;
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var name = user.Identity.Name ?? id;
            return new AuditActor(id, name, context!.Connection.RemoteIpAddress?.ToString(), IsStaff: true);
        }
    }
}

/// <summary>A fixed actor, for command-line verbs and background work that writes on the system's behalf.</summary>
public sealed class FixedAuditActorAccessor(AuditActor? actor) : IAuditActorAccessor
{
    public AuditActor? Current { get; } = actor;
}

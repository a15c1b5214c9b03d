using Gongkai.Data;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Accounts;

public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);

public sealed record TokenResponse(string Token, DateTime ExpiresAt);

public sealed record StaffUserDto(string Id, string UserName, string DisplayName, string? Department, string[] Roles, bool IsActive, bool TwoFactorEnabled);

public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", Token).WithTags("认证")
            .WithSummary("以用户名和密码换取 Bearer 令牌")
            .WithDescription("已启用两步验证的账号还须提交 twoFactorCode。连续5次失败后账号锁定15分钟；同一地址每分钟请求次数有限。")
            .RequireRateLimiting(AccountsSetup.TokenRateLimit);

        var staff = app.MapGroup("/api/staff").WithTags("工作人员")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
        staff.MapGet("/me", Me).WithSummary("当前账号");
        staff.MapGet("/users", Users).WithSummary("工作人员账号（部门人员只能看到本部门）");
        staff.MapGet("/users/{userName}", User).WithSummary("某个工作人员账号");
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Token(
        TokenRequest? body, TokenIssuer issuer, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.UserName)) errors["userName"] = ["请填写用户名"];
        if (string.IsNullOrEmpty(body?.Password)) errors["password"] = ["请填写密码"];
        if (errors.Count > 0) return Problems.Validation(errors);

        var result = await issuer.IssueAsync(body!.UserName!.Trim(), body.Password!, body.TwoFactorCode, http.Connection.RemoteIpAddress?.ToString());
        if (result.Token is null)
        {
            var problem = TypedResults.Problem(detail: result.Error, statusCode: result.LockedOut ? 423 : 401,
                title: result.LockedOut ? "账号已锁定" : "登录失败",
                extensions: result.TwoFactorRequired ? new Dictionary<string, object?> { ["twoFactorRequired"] = true } : null);
            return problem;
        }
        return TypedResults.Ok(new TokenResponse(result.Token, result.ExpiresAt!.Value));
    }

    private static async Task<Ok<StaffUserDto>> Me(HttpContext http, GongkaiDbContext db, DepartmentScope scope, CancellationToken ct)
    {
        var id = scope.UserId;
        var rows = await Query(db, db.Users.Where(u => u.Id == id), ct);
        return TypedResults.Ok(rows.Single());
    }

    private static async Task<Ok<StaffUserDto[]>> Users(GongkaiDbContext db, DepartmentScope scope, CancellationToken ct) =>
        TypedResults.Ok(await Query(db, scope.Visible(db.Users).OrderBy(u => u.UserName), ct));

    private static async Task<Results<Ok<StaffUserDto>, ProblemHttpResult>> User(string userName, GongkaiDbContext db, DepartmentScope scope, CancellationToken ct)
    {
        // Another department's account answers exactly like a missing one: its existence is not disclosed.
        var rows = await Query(db, scope.Visible(db.Users).Where(u => u.UserName == userName), ct);
        return rows.Length == 0 ? Problems.Problem(404, $"没有用户名为“{userName}”的账号。") : TypedResults.Ok(rows[0]);
    }

    internal static async Task<StaffUserDto[]> Query(GongkaiDbContext db, IQueryable<StaffUser> users, CancellationToken ct)
    {
        var rows = await users.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, Department = u.Department == null ? null : u.Department.Name, u.IsActive, u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(u => new StaffUserDto(u.Id, u.UserName ?? "", u.DisplayName, u.Department, u.Roles.Where(r => r != null).Select(r => r!).ToArray(), u.IsActive, u.TwoFactorEnabled)).ToArray();
    }
}

/// <summary>
/// A bearer token outlives nothing: a deactivated, locked or re-secured account (password change,
/// two-factor change) stops working at its next API call.
/// </summary>
public sealed class ActiveStaffFilter(SignInManager<StaffUser> signIn) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = await signIn.ValidateSecurityStampAsync(context.HttpContext.User);
        if (user is null || !user.IsActive || await signIn.UserManager.IsLockedOutAsync(user))
            return Problems.Problem(401, "令牌已失效（账号已停用、锁定或修改了密码），请重新获取令牌。");
        return await next(context);
    }
}

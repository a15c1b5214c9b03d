using Gongkai.Data;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Accounts;

public sealed record TokenResult(string? Token, DateTime? ExpiresAt, string? Error, bool TwoFactorRequired = false, bool LockedOut = false);

/// <summary>
/// Issues the bearer tokens of POST /api/auth/token. The same password, lockout and two-factor
/// rules as the sign-in page; every attempt is in the audit log.
/// </summary>
public sealed class TokenIssuer(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    IOptions<GongkaiOptions> options,
    TimeProvider clock,
    GongkaiDbContext db)
{
    public async Task<TokenResult> IssueAsync(string userName, string password, string? twoFactorCode, string? ip)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || !user.IsActive)
        {
            await RecordAsync(new AuditActor("", userName, ip, false), "TokenRefused", userName, "unknown or inactive account");
            return new TokenResult(null, null, "用户名或密码不正确");
        }
        var actor = new AuditActor(user.Id, user.UserName ?? userName, ip, true);
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await RecordAsync(actor, "TokenRefused", user.Id, "locked out");
            return new TokenResult(null, null, "登录失败次数过多，账号已暂时锁定，请15分钟后再试", LockedOut: true);
        }
        if (!check.Succeeded)
        {
            await RecordAsync(actor, "TokenRefused", user.Id, "wrong password");
            return new TokenResult(null, null, "用户名或密码不正确");
        }
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(twoFactorCode))
                return new TokenResult(null, null, "该账号已启用两步验证，请同时提交 twoFactorCode（验证器应用中的6位数字）", TwoFactorRequired: true);
            var code = twoFactorCode.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                await RecordAsync(actor, "TokenRefused", user.Id, "wrong two-factor code");
                return new TokenResult(null, null, "两步验证码不正确", TwoFactorRequired: true);
            }
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires },
            IdentityConstants.BearerScheme);
        var token = bearerOptions.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        await RecordAsync(actor, "TokenIssued", user.Id, null);
        return new TokenResult(token, expires.UtcDateTime, null);
    }

    private async Task RecordAsync(AuditActor actor, string action, string entityId, string? reason)
    {
        db.RecordEvent(actor, action, nameof(StaffUser), entityId, reason is null ? null : new { reason });
        await db.SaveChangesAsync();
    }
}

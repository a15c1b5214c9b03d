using System.Security.Claims;
using Gongkai.Data;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Threading.RateLimiting;

namespace Gongkai.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>The staff sign-in cookie; its presence also keeps a request off the public page cache.</summary>
    public const string AuthCookieName = "gongkai.auth";

    /// <summary>Pages use the Identity cookie; the JSON API uses bearer tokens only, so it needs no antiforgery.</summary>
    public const string SmartScheme = "Gongkai";
    public const string TokenRateLimit = "token";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<LetterPasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = AuthCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API never redirects to a sign-in page: it answers 401/403 as ProblemDetails.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        // Secure-only cookies when the district serves over HTTPS (Gongkai:RequireHttpsCookies).
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<IOptions<GongkaiOptions>>((o, g) =>
                o.Cookie.SecurePolicy = g.Value.RequireHttpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        }
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(Policies.OfficeAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.OfficeAdmin))
            .AddPolicy(Policies.Oversight, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.OfficeAdmin, StaffRoles.Supervisor))
            .AddPolicy(Policies.ApiStaff, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(Policies.ApiOfficeAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser().RequireRole(StaffRoles.OfficeAdmin))
            .AddPolicy(Policies.Inspection, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Inspector))
            .AddPolicy(Policies.ApiInspection, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser().RequireRole(StaffRoles.Inspector));

        services.AddScoped<TokenIssuer>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TokenRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<GongkaiOptions>>().Value.TokenRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        services.AddScoped<AccountSeeder>();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the department claim that <see cref="DepartmentScope"/> reads.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DepartmentId is { } d) identity.AddClaim(new Claim(DepartmentScope.DepartmentClaim, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim("gongkai:display", string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}

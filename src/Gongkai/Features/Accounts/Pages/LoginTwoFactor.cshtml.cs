using Gongkai.Data;
using Gongkai.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Accounts.Pages;

public sealed class LoginTwoFactorModel(SignInManager<StaffUser> signIn, GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("Login");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            Error = "请输入验证码。";
            return Page();
        }
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        var actor = new AuditActor(user.Id, user.UserName ?? "", HttpContext.Connection.RemoteIpAddress?.ToString(), true);
        if (result.Succeeded)
        {
            db.RecordEvent(actor, "SignIn", nameof(StaffUser), user.Id, new { twoFactor = true });
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        db.RecordEvent(actor, result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", nameof(StaffUser), user.Id, new { reason = "wrong two-factor code" });
        await db.SaveChangesAsync();
        Error = result.IsLockedOut ? "失败次数过多，账号已暂时锁定，请15分钟后再试。" : "验证码不正确。";
        return Page();
    }
}

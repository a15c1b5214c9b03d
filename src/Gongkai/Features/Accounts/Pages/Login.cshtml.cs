using Gongkai.Data;
using Gongkai.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Accounts.Pages;

public sealed class LoginModel(SignInManager<StaffUser> signIn, GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请填写用户名和密码。";
            return Page();
        }
        var name = UserName.Trim();
        var user = await signIn.UserManager.FindByNameAsync(name);
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (user is null || !user.IsActive)
        {
            await RecordAsync(new AuditActor("", name, ip, false), "SignInFailed", name, "unknown or inactive account");
            Error = "用户名或密码不正确。";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        var actor = new AuditActor(user.Id, user.UserName ?? name, ip, true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("LoginTwoFactor", new { ReturnUrl = SafeReturnUrl() });
        if (result.IsLockedOut)
        {
            await RecordAsync(actor, "SignInLockedOut", user.Id, null);
            Error = "登录失败次数过多，账号已暂时锁定，请15分钟后再试。";
            return Page();
        }
        if (!result.Succeeded)
        {
            await RecordAsync(actor, "SignInFailed", user.Id, "wrong password");
            Error = "用户名或密码不正确。";
            return Page();
        }
        await RecordAsync(actor, "SignIn", user.Id, null);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin";

    private async Task RecordAsync(AuditActor actor, string action, string id, string? reason)
    {
        db.RecordEvent(actor, action, nameof(StaffUser), id, reason is null ? null : new { reason });
        await db.SaveChangesAsync();
    }
}

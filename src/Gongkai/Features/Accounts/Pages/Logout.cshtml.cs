using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Accounts.Pages;

public sealed class LogoutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = "您已退出登录。";
        return Redirect("/");
    }
}

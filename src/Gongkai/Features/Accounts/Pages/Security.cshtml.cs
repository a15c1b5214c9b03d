using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Gongkai.Features.Accounts.Pages;

/// <summary>Password change and optional TOTP two-factor sign-in, for every staff member.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SecurityModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public string[]? RecoveryCodes { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            Error = "验证码不正确，请确认手机时间准确后重试。";
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "两步验证已启用。";
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "两步验证已停用。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(string? currentPassword, string? newPassword)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword))
        {
            Error = "请填写当前密码和新密码。";
            await LoadAsync(user);
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            Error = string.Join("；", result.Errors.Select(e => e.Description));
            await LoadAsync(user);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改。";
        return RedirectToPage();
    }

    private async Task LoadAsync(StaffUser user)
    {
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (TwoFactorEnabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = FormatKey(key!);
        var issuer = Uri.EscapeDataString("明湖区政务公开");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    private static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}

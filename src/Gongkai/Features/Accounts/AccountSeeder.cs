using System.Security.Cryptography;
using Gongkai.Domain.Common;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Accounts;

/// <summary>
/// Creates the four roles and, when no office administrator exists, the first one ("admin").
/// Its password comes from GONGKAI_ADMIN_PASSWORD or is generated and printed once.
/// </summary>
public sealed class AccountSeeder(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration, TimeProvider clock)
{
    public const string AdminUserName = "admin";

    public async Task SeedAsync(List<string> banner)
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        }
        if ((await users.GetUsersInRoleAsync(StaffRoles.OfficeAdmin)).Count > 0) return;
        if (await users.Users.AnyAsync(u => u.UserName == AdminUserName)) return;

        var configured = configuration["GONGKAI_ADMIN_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new StaffUser { UserName = AdminUserName, DisplayName = "公开办管理员", CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new ConfigurationProblemException(
                "GONGKAI_ADMIN_PASSWORD does not meet the password rules (at least 10 characters with letters and digits): " +
                string.Join("；", created.Errors.Select(e => e.Description)));
        Check(await users.AddToRoleAsync(admin, StaffRoles.OfficeAdmin));
        banner.Add(string.IsNullOrEmpty(configured)
            ? $"公开办管理员 admin / {password}   (随机生成，请登录后修改 / random, change it after signing in)"
            : "公开办管理员 admin / (GONGKAI_ADMIN_PASSWORD 中设置的密码)");
    }

    /// <summary>16 characters, letters and digits, at least one of each.</summary>
    public static string GeneratePassword(int length = 16)
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string all = letters + digits;
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[RandomNumberGenerator.GetInt32(length / 2)] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[length / 2 + RandomNumberGenerator.GetInt32(length / 2)] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)));
    }
}

using Gongkai.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Accounts.Admin;

/// <summary>Creates or edits a staff account (/admin/users/new creates one).</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class EditUserModel(GongkaiDbContext db, UserManager<StaffUser> users, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Role { get; set; } = StaffRoles.Editor;
        public int? DepartmentId { get; set; }
        public string? Password { get; set; }
        public bool IsActive { get; set; }
        public bool Unlock { get; set; }
    }

    public sealed record DepartmentOption(int Id, string Name);

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNew { get; private set; }
    public bool LockedOut { get; private set; }
    public List<string> Errors { get; } = [];
    public List<DepartmentOption> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string userName)
    {
        IsNew = userName == "new";
        await LoadDepartmentsAsync();
        if (IsNew) return Page();
        var user = await users.FindByNameAsync(userName);
        if (user is null) return NotFound();
        var roles = await users.GetRolesAsync(user);
        Input = new InputModel
        {
            UserName = user.UserName, DisplayName = user.DisplayName, Email = user.Email,
            Role = roles.FirstOrDefault(), DepartmentId = user.DepartmentId, IsActive = user.IsActive,
        };
        LockedOut = await users.IsLockedOutAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName)
    {
        IsNew = userName == "new";
        await LoadDepartmentsAsync();
        Validate();
        if (Errors.Count > 0) return Page();

        StaffUser? user;
        if (IsNew)
        {
            user = new StaffUser { UserName = Input.UserName!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime, IsActive = true };
            Apply(user);
            if (!Check(await users.CreateAsync(user, Input.Password!))) return Page();
        }
        else
        {
            user = await users.FindByNameAsync(userName);
            if (user is null) return NotFound();
            Apply(user);
            user.IsActive = Input.IsActive;
            if (!Check(await users.UpdateAsync(user))) return Page();
            if (!string.IsNullOrEmpty(Input.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                if (!Check(await users.ResetPasswordAsync(user, token, Input.Password))) return Page();
            }
            if (Input.Unlock) await users.SetLockoutEndDateAsync(user, null);
            if (!user.IsActive) await users.UpdateSecurityStampAsync(user); // ends its sessions and tokens
        }
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([Input.Role!]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, Input.Role!);
            await users.UpdateSecurityStampAsync(user);
        }
        TempData["Message"] = IsNew ? $"账号 {user.UserName} 已创建。" : $"账号 {user.UserName} 已保存。";
        return Redirect("/admin/users");
    }

    private void Validate()
    {
        if (IsNew && string.IsNullOrWhiteSpace(Input.UserName)) Errors.Add("请填写用户名。");
        if (string.IsNullOrWhiteSpace(Input.DisplayName) || Input.DisplayName.Trim().Length > 50) Errors.Add("请填写姓名（不超过50个字）。");
        if (Input.Role is null || !StaffRoles.All.Contains(Input.Role)) Errors.Add("请选择角色。");
        else if (StaffRoles.IsDepartmentRole(Input.Role) && Input.DepartmentId is null) Errors.Add("信息员和审核人必须选择所属部门。");
        if (Input.DepartmentId is { } d && Departments.All(x => x.Id != d)) Errors.Add("所选部门不存在。");
        if (IsNew && string.IsNullOrEmpty(Input.Password)) Errors.Add("请设置初始密码。");
        if (!string.IsNullOrWhiteSpace(Input.Email) && !Input.Email.Contains('@', StringComparison.Ordinal)) Errors.Add("电子邮件格式不正确。");
    }

    private void Apply(StaffUser user)
    {
        user.DisplayName = Input.DisplayName!.Trim();
        user.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        user.DepartmentId = Input.DepartmentId;
    }

    private bool Check(IdentityResult result)
    {
        Errors.AddRange(result.Errors.Select(e => e.Description));
        return result.Succeeded;
    }

    private async Task LoadDepartmentsAsync() =>
        Departments = await db.Departments.AsNoTracking().Where(d => d.IsActive)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder)
            .Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync();
}

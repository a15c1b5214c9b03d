using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Accounts;
using Gongkai.Features.Organisation;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Demo;

/// <summary>
/// Seeds the demo district once, when the database has no departments yet, and one demo account
/// for each staff role. Turned off with Gongkai__Demo=false.
/// </summary>
public sealed class DemoSeeder(GongkaiDbContext db, UserManager<StaffUser> users, IOptions<GongkaiOptions> options, TimeProvider clock, Catalogue.IndexNumberAllocator numbers)
{
    public static readonly (string UserName, string DisplayName, string Role, string? Department)[] Accounts =
    [
        ("bangong", "公开办工作人员", StaffRoles.OfficeAdmin, "zfb"),
        ("xinxiyuan", "教育局信息员", StaffRoles.Editor, "jyj"),
        ("shenheren", "教育局审核人", StaffRoles.Reviewer, "jyj"),
        ("jianduyuan", "政务公开监督员", StaffRoles.Supervisor, null),
        ("minzheng", "民政局信息员", StaffRoles.Editor, "minzj"),
        ("jiancha", "公开办效能监察员", StaffRoles.Inspector, null),
    ];

    public async Task SeedAsync(List<string> banner)
    {
        if (await db.Departments.AnyAsync()) return;

        var government = new Department("gov", DemoDistrict.GovernmentName, CreditCodeFor(0), OrgUnitKind.Government)
        {
            Duties = "执行区人民代表大会及其常务委员会的决议，领导区政府各工作部门和街道、乡镇的工作。",
            Address = "明湖区人民大道1号",
            OfficeHours = "工作日 8:30—12:00，13:30—17:00",
            Phone = "0451-80000000",
            SortOrder = 0,
        };
        var order = 0;
        foreach (var (name, title, duty) in DemoDistrict.GovernmentLeaders)
            government.Leaders.Add(new DepartmentLeader { Name = name, Title = title, Responsibilities = duty, SortOrder = order++ });
        db.Departments.Add(government);

        var index = 1;
        foreach (var (code, name, duties) in DemoDistrict.Departments)
        {
            db.Departments.Add(new Department(code, name, CreditCodeFor(index), OrgUnitKind.Department)
            {
                Duties = duties,
                Address = $"明湖区人民大道{index + 1}号",
                OfficeHours = "工作日 8:30—12:00，13:30—17:00",
                Phone = $"0451-8000{index:D4}",
                SortOrder = index,
            });
            index++;
        }
        foreach (var (code, name, isTown, communities) in DemoDistrict.Streets)
        {
            var unit = new Department(code, name, CreditCodeFor(index), isTown ? OrgUnitKind.Town : OrgUnitKind.Street)
            {
                Duties = isTown ? "负责本镇经济社会发展、公共服务和村务公开指导。" : "负责辖区社区建设、公共服务和居务公开指导。",
                Address = $"明湖区{name[..Math.Min(3, name.Length)]}路{index}号",
                OfficeHours = "工作日 8:30—17:00",
                Phone = $"0451-8100{index:D4}",
                SortOrder = index,
            };
            foreach (var c in communities)
                unit.Communities.Add(new Community { Name = c, Kind = isTown ? CommunityKind.Village : CommunityKind.Community });
            db.Departments.Add(unit);
            index++;
        }
        await db.SaveChangesAsync();
        await SeedAccountsAsync(banner);
        await DemoItems.SeedAsync(db, numbers, clock);
    }

    private async Task SeedAccountsAsync(List<string> banner)
    {
        var configured = options.Value.DemoPassword;
        var lines = new List<string>();
        foreach (var (userName, displayName, role, code) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null) continue;
            var departmentId = code is null ? (int?)null : await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            var password = string.IsNullOrEmpty(configured) ? AccountSeeder.GeneratePassword() : configured;
            var user = new StaffUser { UserName = userName, DisplayName = displayName, DepartmentId = departmentId, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new ConfigurationProblemException("Gongkai:DemoPassword does not meet the password rules: " + string.Join("；", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            lines.Add($"{StaffRoles.ToChinese(role)}（演示）{userName} / {password}");
        }
        banner.AddRange(lines);
        // Demo passwords are written down so that later starts can point to them; real accounts never are.
        var file = Path.Combine(options.Value.FullDataPath, "demo-sign-ins.txt");
        Directory.CreateDirectory(options.Value.FullDataPath);
        await File.WriteAllLinesAsync(file, lines);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>A valid 统一社会信用代码 for demo body number <paramref name="n"/> (11 = 机关).</summary>
    internal static string CreditCodeFor(int n)
    {
        var org8 = $"MH{n:D6}";
        var org = org8 + OrgCodeCheck(org8);
        return CreditCode.Complete("11" + DemoDistrict.RegionCode + org);
    }

    /// <summary>GB 11714 organisation-code check character.</summary>
    private static char OrgCodeCheck(string first8)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var v = char.IsDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }
}

using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Organisation.Admin;

/// <summary>The disclosure office edits a body's profile, leaders and communities (/admin/departments/new creates one).</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class EditDepartmentModel(GongkaiDbContext db, SiteNames siteNames) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
        public OrgUnitKind Kind { get; set; } = OrgUnitKind.Department;
        public string? Name { get; set; }
        public string? CreditCode { get; set; }
        public string? Duties { get; set; }
        public string? Address { get; set; }
        public string? OfficeHours { get; set; }
        public string? Phone { get; set; }
        public int? SortOrder { get; set; }
        public string? Leaders { get; set; }
        public string? Communities { get; set; }
        public bool IsActive { get; set; } = true;
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNew { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        IsNew = code == "new";
        if (IsNew) return Page();
        var d = await Load(code);
        if (d is null) return NotFound();
        Input = new InputModel
        {
            Code = d.Code, Kind = d.Kind, Name = d.Name, CreditCode = d.CreditCode, Duties = d.Duties, Address = d.Address,
            OfficeHours = d.OfficeHours, Phone = d.Phone, SortOrder = d.SortOrder, IsActive = d.IsActive,
            Leaders = string.Join('\n', d.Leaders.OrderBy(l => l.SortOrder).Select(l => $"{l.Name}|{l.Title}|{l.Responsibilities}")),
            Communities = string.Join('\n', d.Communities.OrderBy(c => c.Id).Select(c => c.Name)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        IsNew = code == "new";
        Department? d;
        if (IsNew)
        {
            try
            {
                d = new Department(Input.Code ?? "", Input.Name ?? "", Input.CreditCode ?? "", Input.Kind);
            }
            catch (DomainException e)
            {
                Errors.Add(e.Message);
                return Page();
            }
            if (await db.Departments.AnyAsync(x => x.Code == d.Code)) { Errors.Add($"机构代码“{d.Code}”已被使用。"); return Page(); }
            db.Departments.Add(d);
        }
        else
        {
            d = await Load(code);
            if (d is null) return NotFound();
            if (Input.IsActive) d.Reactivate(); else d.Deactivate();
        }

        var errors = DepartmentEditing.Apply(d, Input.Name ?? "", Input.CreditCode ?? "", Input.Duties ?? "", Input.Address ?? "", Input.OfficeHours ?? "", Input.Phone ?? "", Input.SortOrder ?? 0);
        DepartmentEditing.ReplaceLeaders(d, ParseLeaders(Input.Leaders, errors), errors);
        DepartmentEditing.ReplaceCommunities(d, Lines(Input.Communities).Select(n => new CommunityDto(n, "")).ToList(), errors);
        if (await db.Departments.AnyAsync(x => x.Id != d.Id && x.CreditCode == d.CreditCode)) errors["creditCode"] = ["该统一社会信用代码已被其他机构使用"];
        Errors.AddRange(errors.Values.SelectMany(v => v));
        if (Errors.Count > 0) return Page();

        await db.SaveChangesAsync();
        siteNames.Invalidate(); // the layout shows the government's and the office's names
        TempData["Message"] = $"“{d.Name}”已保存。";
        return Redirect("/admin/departments");
    }

    private Task<Department?> Load(string code) =>
        db.Departments.Include(x => x.Leaders).Include(x => x.Communities).FirstOrDefaultAsync(x => x.Code == code.ToLowerInvariant());

    private static List<LeaderDto> ParseLeaders(string? text, Dictionary<string, string[]> errors)
    {
        var result = new List<LeaderDto>();
        var n = 0;
        foreach (var line in Lines(text))
        {
            n++;
            var parts = line.Split('|');
            if (parts.Length < 2) { errors[$"leaders{n}"] = [$"领导信息第{n}行应为“姓名|职务|分管工作”"]; continue; }
            result.Add(new LeaderDto(parts[0].Trim(), parts[1].Trim(), parts.Length > 2 ? string.Join('|', parts[2..]).Trim() : ""));
        }
        return result;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}

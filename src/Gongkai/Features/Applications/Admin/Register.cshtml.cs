using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Gongkai.Features.Applications.Pages;
using Gongkai.Features.Catalogue.Admin;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications.Admin;

/// <summary>
/// /admin/applications/new: staff register an application received in person, by post, fax or
/// e-mail, with the day of receipt 第三十一条 gives for that channel. The same checks as the API
/// (<see cref="ApplicationWorkflow.RegisterAsync"/>); department staff register for their own
/// department, the office for any.
/// </summary>
public sealed class RegisterModel(GongkaiDbContext db, DepartmentScope scope, ApplicationWorkflow workflow, TimeProvider clock) : PageModel
{
    [BindProperty] public ApplicationForm Input { get; set; } = new();

    public List<Choice> Departments { get; private set; } = [];
    public string? FixedDepartmentName { get; private set; }
    public FormErrors Errors { get; } = new();
    public bool CanRegister => scope.WritesAll || (scope.IsStaff && !scope.ReadsAll && scope.DepartmentId is not null);

    /// <summary>Every channel but the portal's own form, with its 第三十一条 rule.</summary>
    public static IEnumerable<ReceiptChannel> Channels => ReceiptChannels.All.Where(c => c != ReceiptChannel.Online);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CanRegister) return Forbid();
        Input = new ApplicationForm { ReceivedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRegister) return Forbid();
        await LoadChoicesAsync(ct);
        // Department staff register for their own department, whatever the form says.
        if (!scope.WritesAll) Input.Department = await db.Departments.Where(d => d.Id == scope.DepartmentId).Select(d => d.Code).FirstOrDefaultAsync(ct);
        if (Input.Channel == ReceiptChannel.Online.Code()) Errors.Add("Input_Channel", "网上申请由申请人在门户提交，请选择其他渠道");
        Input.Check(Errors, portal: false);
        if (Errors.Any) return Page();
        try
        {
            var (application, key) = await workflow.RegisterAsync(Input.ToStaffRequest(), ct);
            TempData["Message"] = $"已登记，查询码 {application.TrackingCode}，查询密钥 {key}。请将查询码和查询密钥告知申请人（写入受理回执）；查询密钥只显示这一次。";
            return Redirect($"/admin/applications/{application.Id}");
        }
        catch (Exception e) when (FormErrors.IsRefusal(e))
        {
            Errors.Show(e, ApplicationForm.Fields);
            return Page();
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (scope.WritesAll) Departments = await ItemChoices.DepartmentsAsync(db, ct);
        else FixedDepartmentName = await db.Departments.Where(d => d.Id == scope.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
    }
}

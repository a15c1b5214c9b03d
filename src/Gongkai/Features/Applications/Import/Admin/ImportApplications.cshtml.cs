using Gongkai.Features.Accounts;
using Gongkai.Features.Catalogue.Oversight.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Applications.Import.Admin;

/// <summary>
/// The office uploads a file of historical applications, sees what the import would do (every row
/// checked, nothing saved), confirms, and gets the per-row report.
/// </summary>
[Authorize(Roles = StaffRoles.OfficeAdmin)]
public sealed class ImportApplicationsModel(ImportApplications import, ImportStaging staging) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Token { get; set; }
    public ApplicationImportReport? Report { get; private set; }
    public string? Error { get; private set; }
    public long MaxBytes => import.MaxBytes;
    public int MaxRows => import.MaxRows;

    private string UserName => User.Identity?.Name ?? "";

    public void OnGet() { }

    /// <summary>Step 1: check every row; keep the file for the confirmation.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            Error = "请选择要导入的 .xlsx 或 .csv 文件。";
            return Page();
        }
        try
        {
            byte[] content = [];
            if (Upload.Length is > 0 && Upload.Length <= MaxBytes)
            {
                using var buffer = new MemoryStream();
                await Upload.CopyToAsync(buffer, ct);
                content = buffer.ToArray();
            }
            Report = await import.ImportAsync(Upload.FileName, new MemoryStream(content), Upload.Length, dryRun: true, ct);
            if (Report.Imported > 0) Token = await staging.StageAsync(UserName, Upload.FileName, content, ct);
        }
        catch (ImportFileException e)
        {
            Error = e.Message;
        }
        return Page();
    }

    /// <summary>Step 2: import the file that was checked.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var staged = await staging.TakeAsync(UserName, Token, ct);
        Token = null;
        if (staged is not { } file)
        {
            Error = "待确认的文件已过期或已经导入，请重新选择文件。";
            return Page();
        }
        try
        {
            Report = await import.ImportAsync(file.FileName, new MemoryStream(file.Content), file.Content.Length, dryRun: false, ct);
        }
        catch (ImportFileException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}

using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Catalogue.Oversight.Import.Admin;

/// <summary>Editors, reviewers and the office upload an XLSX or CSV file; each row becomes a draft or is reported.</summary>
[Authorize(Roles = StaffRoles.Editor + "," + StaffRoles.Reviewer + "," + StaffRoles.OfficeAdmin)]
public sealed class ImportItemsModel(ImportItems import) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportReport? Report { get; private set; }
    public string? Error { get; private set; }
    public long MaxBytes => import.MaxBytes;
    public int MaxRows => import.MaxRows;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            Error = "请选择要导入的 .xlsx 或 .csv 文件。";
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            Report = await import.ImportAsync(Upload.FileName, stream, Upload.Length, ct);
        }
        catch (ImportFileException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}

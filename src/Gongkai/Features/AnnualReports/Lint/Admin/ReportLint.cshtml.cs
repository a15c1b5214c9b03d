using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.AnnualReports.Lint.Admin;

/// <summary>
/// Staff check another body's published report (or a draft of their own) before citing or publishing
/// it: upload the .docx or .html, or paste the page's source, and see every failed cross-check with
/// the cells involved. Nothing is stored.
/// </summary>
[RequestSizeLimit(AnnualReportLinter.MaxBytes + 128 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AnnualReportLinter.MaxBytes + 128 * 1024, ValueLengthLimit = AnnualReportLinter.MaxBytes)]
public sealed class ReportLintModel : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Html { get; set; }

    public LintReport? Report { get; private set; }
    public string? Error { get; private set; }
    public string? SourceName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (Upload is { Length: > 0 })
            {
                if (Upload.Length > AnnualReportLinter.MaxBytes)
                    throw new LintInputException(413, $"文件过大：不能超过 {ReportLintApi.Limit}。");
                using var buffer = new MemoryStream();
                await Upload.CopyToAsync(buffer, ct);
                SourceName = Upload.FileName;
                Report = AnnualReportLinter.LintFile(Upload.FileName, buffer.ToArray());
            }
            else if (!string.IsNullOrWhiteSpace(Html))
            {
                SourceName = "粘贴的内容";
                Report = AnnualReportLinter.LintHtml(Html);
            }
            else Error = "请选择 .docx 或 .html 文件，或粘贴年度报告网页的源代码。";
        }
        catch (LintInputException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}

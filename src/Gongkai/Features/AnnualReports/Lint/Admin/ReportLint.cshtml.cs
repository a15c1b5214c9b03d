using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.AnnualReports.Lint.Admin;

/// <summary>
/// Staff check another body's published report (or a draft of their own) before citing or publishing
/// it: upload the .docx or .html, or paste the page's source, and see every failed cross-check with
/// the cells involved. Nothing is stored.
/// </summary>
// The form limits are above the server's body limit: a request too large for the server is refused there
// (413, the Chinese error page); one the server takes is parsed whole, so the handler can say what is wrong
// instead of the form parser throwing.
[RequestSizeLimit(ServerLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * ServerLimit, ValueLengthLimit = 2 * ServerLimit)]
public sealed class ReportLintModel : PageModel
{
    private const int ServerLimit = 2 * AnnualReportLinter.MaxBytes;

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

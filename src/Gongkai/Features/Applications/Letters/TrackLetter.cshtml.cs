using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Features.Applications.Letters;

/// <summary>
/// The applicant downloads the reply letter by posting the tracking code and the access key (from
/// the tracking page's buttons, or this page's own form): the key never appears in an address, a
/// browser history or a server log. Wrong code, wrong key and no letter yet all answer 404 alike.
/// </summary>
[EnableRateLimiting(ApplicationsSetup.LookupLimit)]
public sealed class TrackLetterModel(ReplyLetters letters) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Format { get; set; }
    public string? Error { get; private set; }

    public void OnGet() => Format ??= "pdf";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Key))
            return Refuse(StatusCodes.Status400BadRequest, "请填写查询码和查询密钥。");
        if (!ReplyLetters.TryParseFormat(Format, out var format))
            return Refuse(StatusCodes.Status400BadRequest, "请选择告知书的格式：PDF 或 Word。");
        var file = await letters.ApplicantFileAsync(Code, Key, format, ct);
        if (file is null)
            return Refuse(StatusCodes.Status404NotFound, "没有找到答复告知书：请核对查询码和查询密钥。申请答复后才有告知书。");
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(file.FullPath, file.ContentType, file.FileName);
    }

    private PageResult Refuse(int status, string message)
    {
        Error = message;
        Key = null; // never echoed back into the page
        Response.StatusCode = status;
        return Page();
    }
}

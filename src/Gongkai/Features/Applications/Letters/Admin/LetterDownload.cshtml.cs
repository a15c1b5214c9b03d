using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Applications.Letters.Admin;

/// <summary>The back office's download of a reply letter (cookie sign-in, department scope): what the staff pages link to.</summary>
public sealed class LetterDownloadModel(ReplyLetters letters) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, string format, CancellationToken ct)
    {
        if (!ReplyLetters.TryParseFormat(format, out var f)) return NotFound();
        var file = await letters.StaffFileAsync(id, f, ct);
        if (file is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(file.FullPath, file.ContentType, file.FileName);
    }
}

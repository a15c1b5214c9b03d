using Gongkai.Domain.Common;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Applications.Letters.Admin;

/// <summary>
/// One application's reply letter in the back office: its number and files, why a file is missing,
/// and the button that writes what is missing (the staff detail page shows the same through
/// <see cref="ReplyLetterViewComponent"/>, whose button posts here).
/// </summary>
public sealed class ReplyLetterPageModel(ReplyLetters letters) : PageModel
{
    public StaffLetterView View { get; private set; } = null!;
    public string? Error { get; private set; }

    [BindProperty] public string? OtherBody { get; set; }
    [BindProperty] public string? OtherBodyContact { get; set; }
    [BindProperty] public string? Obtain { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await letters.StaffViewAsync(id, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await letters.StaffViewAsync(id, ct) is not { CanGenerate: true }) return NotFound();
        try
        {
            var (status, error) = await letters.GenerateAsync(id, new LetterDetails(OtherBody, OtherBodyContact, Obtain), ct);
            if (error is null)
            {
                TempData["Message"] = $"答复告知书（{status.Number}）已生成。";
                return Redirect($"/admin/applications/{id}/letter");
            }
            Error = error;
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        catch (InputException e)
        {
            Error = string.Join(" ", e.Errors.Values.SelectMany(m => m));
        }
        View = (await letters.StaffViewAsync(id, ct))!;
        return Page();
    }
}

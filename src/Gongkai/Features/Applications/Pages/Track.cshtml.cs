using Gongkai.Data;
using Gongkai.Features.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Features.Applications.Pages;

/// <summary>
/// /apply/track: the applicant's view of an application, by tracking code and access key. The key
/// is posted, never put in the address (addresses end up in logs and browser history). An unknown
/// code and a wrong key get the same answer, so the page does not tell which codes exist. Only
/// masked personal data is shown.
/// </summary>
[EnableRateLimiting(ApplicationPagesSetup.TrackPagePolicy)]
public sealed class TrackModel(GongkaiDbContext db, CalendarService calendars, IReplyLetters letters) : PageModel
{
    public const string NotFoundMessage = "没有找到该申请：请核对查询码和查询密钥。";

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Key { get; set; }

    public TrackingView? View { get; private set; }
    public IReadOnlyList<ReplyLetterLink> Letters { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Code)) Errors.Add("Code", "请填写查询码");
        if (string.IsNullOrWhiteSpace(Key)) Errors.Add("Key", "请填写查询密钥");
        if (Errors.Any) return Page();

        View = await ApplicationQueries.TrackAsync(db, await calendars.GetAsync(ct), Code!, Key, ct);
        if (View is null)
        {
            Errors.Add(null, NotFoundMessage);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Code = View.TrackingCode;
        if (View.Reply is not null) Letters = await letters.ForApplicantAsync(View.TrackingCode, Key!, ct);
        return Page();
    }
}

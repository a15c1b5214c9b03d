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
public sealed class TrackModel(GongkaiDbContext db, CalendarService calendars) : PageModel
{
    public const string NotFoundMessage = "没有找到该申请：请核对查询码和查询密钥。";

    // Not "code": a re-executed error page (/error/{code}) would bind a posted "code" field before its route value.
    [BindProperty] public string? TrackingCode { get; set; }
    [BindProperty] public string? AccessKey { get; set; }

    public TrackingView? View { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The receipt links here with <c>?code=</c> to fill in the tracking code.</summary>
    public void OnGet(string? code)
    {
        Response.Headers.CacheControl = "no-store";
        TrackingCode = code;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(TrackingCode)) Errors.Add("TrackingCode", "请填写查询码");
        if (string.IsNullOrWhiteSpace(AccessKey)) Errors.Add("AccessKey", "请填写查询密钥");
        if (Errors.Any) return Page();

        View = await ApplicationQueries.TrackAsync(db, await calendars.GetAsync(ct), TrackingCode!, AccessKey, ct);
        if (View is null)
        {
            Errors.Add(null, NotFoundMessage);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        TrackingCode = View.TrackingCode;
        return Page();
    }
}

using Gongkai.Features.Applications.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>
/// /opinions/track: the citizen's view of an opinion or a complaint by tracking code and access key
/// (posted, never in the address), with the rating and reopening forms when the case allows them.
/// An unknown code and a wrong key get the same answer.
/// </summary>
[EnableRateLimiting(VoicePagesSetup.TrackPagePolicy)]
public sealed class TrackModel(CaseWorkflow workflow, CaseQueries queries) : PageModel
{
    public const string NotFoundMessage = "没有找到该事项：请核对查询码和查询密钥。";

    // Not "code": a re-executed error page (/error/{code}) would bind a posted "code" field before its route value.
    [BindProperty] public string? TrackingCode { get; set; }
    [BindProperty] public string? AccessKey { get; set; }
    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public CaseTrackingView? View { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Done { get; private set; }

    /// <summary>The receipt links here with <c>?code=</c> to fill in the tracking code.</summary>
    public void OnGet(string? code)
    {
        Response.Headers.CacheControl = "no-store";
        TrackingCode = code;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => LookAsync(null, ct);

    public Task<IActionResult> OnPostRateAsync(CancellationToken ct) =>
        LookAsync(async () =>
        {
            await workflow.RateAsync(TrackingCode!, AccessKey, new RateCaseRequest(Rating, Comment), ct);
            return "感谢您的评价。";
        }, ct, "Rating");

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        LookAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(Reason)) { Errors.Add("Reason", "请填写申请重新办理的理由"); return null; }
            await workflow.ReopenAsync(TrackingCode!, AccessKey, new CaseReasonRequest(Reason), ct);
            return "已申请重新办理，公开办将重新安排办理。";
        }, ct, "Reason");

    private async Task<IActionResult> LookAsync(Func<Task<string?>>? step, CancellationToken ct, string? field = null)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(TrackingCode)) Errors.Add("TrackingCode", "请填写查询码");
        if (string.IsNullOrWhiteSpace(AccessKey)) Errors.Add("AccessKey", "请填写查询密钥");
        if (Errors.Any) return Page();
        if (await workflow.FindOwnAsync(TrackingCode, AccessKey, ct) is null) return Missing();
        if (step is not null)
        {
            try
            {
                Done = await step();
            }
            catch (Exception e) when (FormErrors.IsRefusal(e))
            {
                Errors.Show(e, new Dictionary<string, string> { ["rating"] = "Rating", ["comment"] = "Comment", ["reason"] = "Reason" });
            }
            if (Done is not null) { Rating = Comment = Reason = null; }
        }
        // Read again: the step may have changed it.
        var c = await workflow.FindOwnAsync(TrackingCode, AccessKey, ct);
        if (c is null) return Missing();
        View = await queries.TrackAsync(c, ct);
        TrackingCode = View.TrackingCode;
        return Page();
    }

    private PageResult Missing()
    {
        Errors.Add(null, NotFoundMessage);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

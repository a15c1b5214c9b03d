using Gongkai.Domain.Applications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.Applications.Pages;

/// <summary>
/// /apply/submitted: the receipt after a successful online application, shown once. The access key
/// is never stored (only its hash): once this page is left it cannot be shown again.
/// </summary>
public sealed class SubmittedModel : PageModel
{
    public string? TrackingCode { get; private set; }
    public string? AccessKey { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly? DueOn { get; private set; }

    /// <summary>第三十一条第（三）项: how the day of receipt of an online application is fixed.</summary>
    public static string ReceiptRule => ReceiptChannel.Online.ReceiptRule();

    public void OnGet()
    {
        // Neither the browser nor a proxy may keep a copy of the key.
        Response.Headers.CacheControl = "no-store";
        TrackingCode = TempData[ApplyModel.ReceiptCode] as string;
        AccessKey = TempData[ApplyModel.ReceiptKey] as string;
        ReceivedOn = Day(TempData[ApplyModel.ReceiptReceived]) ?? default;
        DueOn = Day(TempData[ApplyModel.ReceiptDue]);
        if (AccessKey is null) TrackingCode = null;
    }

    private static DateOnly? Day(object? dayNumber) => dayNumber is int n ? DateOnly.FromDayNumber(n) : null;
}

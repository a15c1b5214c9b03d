using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>
/// /opinions/submitted: the receipt of an opinion or a complaint, shown once. Only the access key's
/// hash is stored: once this page is left the key cannot be shown again.
/// </summary>
public sealed class SubmittedModel : PageModel
{
    public string? TrackingCode { get; private set; }
    public string? AccessKey { get; private set; }
    public DateOnly DueOn { get; private set; }
    public bool IsComplaint { get; private set; }

    public void OnGet()
    {
        // Neither the browser nor a proxy may keep a copy of the key.
        Response.Headers.CacheControl = "no-store";
        TrackingCode = TempData[CaseFormPage.ReceiptCode] as string;
        AccessKey = TempData[CaseFormPage.ReceiptKey] as string;
        DueOn = TempData[CaseFormPage.ReceiptDue] is int n ? DateOnly.FromDayNumber(n) : default;
        IsComplaint = TempData[CaseFormPage.ReceiptKind] as string == "complaint";
        if (AccessKey is null) TrackingCode = null;
    }
}

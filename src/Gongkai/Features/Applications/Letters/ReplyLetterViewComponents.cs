using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.Applications.Letters;

/// <summary>
/// The letter on the staff detail page:
/// <c>@await Component.InvokeAsync(typeof(ReplyLetterViewComponent), new { applicationId = Model.Id })</c>.
/// Shows the number, the PDF and Word links, why a file is missing and the button that writes it;
/// nothing for an application the caller cannot see.
/// </summary>
public sealed class ReplyLetterViewComponent(ReplyLetters letters) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long applicationId)
    {
        var view = await letters.StaffViewAsync(applicationId, HttpContext.RequestAborted);
        return view is null ? Content("") : View("/Features/Applications/Letters/_ReplyLetterStaff.cshtml", view);
    }
}

/// <summary>
/// The letter on the applicant's tracking page, once the code and key are known:
/// <c>@await Component.InvokeAsync(typeof(ApplicantReplyLetterViewComponent), new { trackingCode, accessKey })</c>.
/// Renders two buttons in a form that POSTs code and key to /apply/track/letter (the key stays out
/// of every address); nothing before the reply or for a wrong key.
/// </summary>
public sealed class ApplicantReplyLetterViewComponent(ReplyLetters letters) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string trackingCode, string accessKey)
    {
        var view = await letters.ApplicantViewAsync(trackingCode, accessKey, HttpContext.RequestAborted);
        return view is null ? Content("") : View("/Features/Applications/Letters/_ReplyLetterApplicant.cshtml", view);
    }
}

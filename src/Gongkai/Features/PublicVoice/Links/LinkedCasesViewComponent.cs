using Gongkai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Links;

public sealed record LinkedCase(long Id, string TrackingCode, string KindName, string Title, string StatusName, string? Note);

/// <summary>
/// The cases linked to an application (依申请公开) about the same matter, on the application's
/// staff page: a link made on a case shows on both sides. Only cases the viewer may read
/// (<see cref="CaseActor"/>): a department never learns of a complaint through it.
/// </summary>
public sealed class LinkedCasesViewComponent(GongkaiDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string trackingCode)
    {
        var actor = CaseActor.For(HttpContext.User);
        var ids = await db.CaseLinks.Where(l => l.TargetType == CaseLinkTarget.Application && l.TargetRef == trackingCode)
            .Select(l => new { l.CaseId, l.Note }).ToListAsync(HttpContext.RequestAborted);
        var caseIds = ids.Select(i => i.CaseId).ToList();
        var cases = await actor.Visible(db.Cases.AsNoTracking()).Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.TrackingCode, c.Kind, c.Title, c.Status }).ToListAsync(HttpContext.RequestAborted);
        var rows = cases.Select(c => new LinkedCase(c.Id, c.TrackingCode, Domain.Cases.CaseCodes.ToChinese(c.Kind), c.Title,
            Domain.Cases.CaseCodes.ToChinese(c.Status), ids.First(i => i.CaseId == c.Id).Note)).ToList();
        return View("/Features/PublicVoice/Links/_LinkedCases.cshtml", rows);
    }
}

using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Inspections.Admin;

/// <summary>明察暗访: the supervision staff's list; pick inspections and substantiated complaints to draft a bulletin from.</summary>
[Authorize(Policy = Policies.Inspection)]
public sealed class InspectionsModel(InspectionService inspections, GongkaiDbContext db) : PageModel
{
    public sealed record ComplaintChoice(long Id, string TrackingCode, string Title, string FindingName);

    public List<InspectionView> Rows { get; private set; } = [];
    public List<ComplaintChoice> Complaints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await inspections.ListAsync(ct);
        // Complaints found (partly) substantiated, through CaseActor's rule like every other reading.
        var rows = await CaseActor.For(User).Visible(db.Cases.AsNoTracking())
            .Where(c => c.Kind == CaseKind.Complaint && (c.Finding == ComplaintFinding.Substantiated || c.Finding == ComplaintFinding.PartlySubstantiated))
            .OrderByDescending(c => c.Id).Take(100)
            .Select(c => new { c.Id, c.TrackingCode, c.Title, c.Finding }).ToListAsync(ct);
        Complaints = [.. rows.Select(r => new ComplaintChoice(r.Id, r.TrackingCode, r.Title, r.Finding!.Value.ToChinese()))];
    }
}

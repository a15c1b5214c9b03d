using Gongkai.Data;
using Gongkai.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>/opinions/published/{id}: one published question and answer, in the public wording only (never the original text or the writer).</summary>
public sealed class PublishedCaseModel(GongkaiDbContext db) : PageModel
{
    public sealed record View(long Id, string Title, string Question, string Answer, string? Department, DateOnly ReceivedOn, DateOnly? AnsweredOn, DateTime PublishedAt);

    public View Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == id && c.PublishedAt != null && c.Kind != CaseKind.Complaint)
            .Select(c => new View(c.Id, c.PublicTitle!, c.PublicQuestion!, c.PublicAnswer!,
                db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(), c.ReceivedOn, c.AnsweredOn, c.PublishedAt!.Value))
            .FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        Case = found;
        return Page();
    }
}

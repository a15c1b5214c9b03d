using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications.Letters.Admin;

/// <summary>The six groups' letter templates: which the office changed, by whom and when.</summary>
[Authorize(Policy = Policies.OfficeAdmin)]
public sealed class LetterTemplatesPageModel(GongkaiDbContext db) : PageModel
{
    public sealed record Row(OutcomeGroup Group, string Name, string Outcomes, bool Changed, string? UpdatedBy, DateTime? UpdatedAt);

    public List<Row> Rows { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var overrides = await db.Set<ReplyLetterTemplate>().AsNoTracking().ToDictionaryAsync(t => t.Group, ct);
        foreach (var group in Enum.GetValues<OutcomeGroup>())
        {
            var outcomes = string.Join("、", ReplyOutcomes.All.Where(o => o.Group == group).Select(o => o.Name));
            overrides.TryGetValue(group, out var t);
            Rows.Add(new Row(group, group.ShortName(), outcomes, t is not null, t?.UpdatedBy, t?.UpdatedAt));
        }
    }
}

using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.Catalogue.Oversight;

/// <summary>What the dashboard shows.</summary>
/// <param name="DepartmentCode">null: the whole district (office and supervisors).</param>
public sealed record OversightFigures(string? DepartmentCode, string Scope, int Departments, int Empty, int Stale, int Late, int AtRisk, int Limit, bool CanImport);

/// <summary>
/// The oversight figures on the staff dashboard: the district's for the office and supervisors,
/// the department's own for its editors and reviewers.
/// </summary>
public sealed class OversightSummaryViewComponent(DepartmentScope scope, OversightReport report) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var canImport = Import.ImportItems.Roles.Any(UserClaimsPrincipal.IsInRole);
        OversightFigures? figures = null;
        if (scope.ReadsAll)
        {
            var rows = await report.SummariesAsync(null, ct);
            figures = new OversightFigures(null, "全区", rows.Count(r => r.Problems > 0),
                rows.Sum(r => r.Empty), rows.Sum(r => r.Stale), rows.Sum(r => r.Late), rows.Sum(r => r.AtRisk), report.Limit, canImport);
        }
        else if (scope.DepartmentId is { } id && await report.ForDepartmentAsync(id, null, ct) is { } own)
        {
            var s = own.Summary;
            figures = new OversightFigures(s.Code, s.Name, s.Problems > 0 ? 1 : 0, s.Empty, s.Stale, s.Late, s.AtRisk, report.Limit, canImport);
        }
        return figures is null ? Content("") : View("/Features/Catalogue/Oversight/_OversightSummary.cshtml", figures);
    }
}

using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Statistics.Admin;

/// <summary>
/// /admin/cases/statistics: the figures of the kinds the user sees, for a year and a kind — the
/// same numbers as GET /api/admin/cases/stats, and the same rule of who counts what (<see cref="CaseActor"/>).
/// </summary>
public sealed class StatisticsModel(CaseStatistics statistics, TimeProvider clock) : PageModel
{
    public CaseStats? Stats { get; private set; }
    public string? Error { get; private set; }
    public int Year { get; private set; }
    public string? Kind { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Kinds { get; private set; } = [];

    public async Task OnGetAsync(string? year, string? kind, CancellationToken ct)
    {
        var actor = CaseActor.For(User);
        var thisYear = ChinaTime.Today(clock).Year;
        Years = [.. Enumerable.Range(0, Math.Min(10, thisYear - CaseStatistics.FirstYear + 1)).Select(i => thisYear - i)];
        Kinds = [.. Enum.GetValues<CaseKind>().Where(actor.SeesKind).Select(k => (k.Code(), k.ToChinese()))];
        Year = thisYear;
        CaseKind? k = null;
        try
        {
            (Year, k) = statistics.Parse(year, kind);
        }
        catch (InputException e)
        {
            Error = string.Join("；", e.Errors.Values.SelectMany(v => v));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            // Keep what was valid: a bad kind still shows the year asked for, and the reverse.
            if (!e.Errors.ContainsKey("year") && int.TryParse(year, out var y)) Year = y;
            if (!e.Errors.ContainsKey("kind") && CaseCodes.TryParseKind(kind, out var parsed)) k = parsed;
        }
        Kind = k?.Code();
        try
        {
            Stats = await statistics.ComputeAsync(await statistics.ScopeOfAsync(actor, k, ct), Year, k, ct);
        }
        catch (DepartmentScopeException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}

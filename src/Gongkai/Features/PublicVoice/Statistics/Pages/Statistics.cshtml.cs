using Gongkai.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Features.PublicVoice.Statistics.Pages;

/// <summary>
/// /opinions/statistics: the district's figures for opinions and suggestions, on the portal.
/// Conduct complaints are never counted here: they are confidential (docs/public-voice.md).
/// </summary>
public sealed class StatisticsModel(CaseStatistics statistics, TimeProvider clock) : PageModel
{
    public CaseStats Stats { get; private set; } = null!;
    public string? Error { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(string? year, CancellationToken ct)
    {
        var thisYear = ChinaTime.Today(clock).Year;
        Years = [.. Enumerable.Range(0, Math.Min(10, thisYear - CaseStatistics.FirstYear + 1)).Select(i => thisYear - i)];
        var y = thisYear;
        try
        {
            y = statistics.Parse(year, null).Year;
        }
        catch (InputException e)
        {
            Error = string.Join("；", e.Errors.Values.SelectMany(v => v));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Stats = await statistics.ComputeAsync(StatsScope.Public, y, null, ct);
    }
}

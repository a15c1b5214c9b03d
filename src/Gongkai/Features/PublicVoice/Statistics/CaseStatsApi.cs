using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.PublicVoice.Statistics;

/// <summary>GET /api/admin/cases/stats?year=&amp;kind= (the route is fixed by issue 6): the caller's figures.</summary>
public static class CaseStatsApi
{
    public static void MapCaseStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/cases/stats", Stats)
            .WithTags("民生民意、效能投诉、监督员建议（工作人员）")
            .WithSummary("办理情况统计：year（默认今年）、kind（opinion、complaint、suggestion，默认本人可见的全部类型）；按月收件数、办结率、按期答复率、平均答复用时、满意率，按主办部门和类型")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
    }

    // Year and kind arrive as strings so that a bad one gets a Chinese message naming the field.
    private static async Task<Ok<CaseStats>> Stats(string? year, string? kind, CaseStatistics statistics, HttpContext http, CancellationToken ct)
    {
        var (y, k) = statistics.Parse(year, kind);
        var scope = await statistics.ScopeOfAsync(CaseActor.For(http.User), k, ct);
        return TypedResults.Ok(await statistics.ComputeAsync(scope, y, k, ct));
    }
}

using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.Applications;

/// <summary>
/// 行政复议 and 行政诉讼 cases over applications (第五十一条), for table 四 of the annual report:
/// result 维持 / 纠正 / 其他 / 尚未审结; a lawsuit is direct or after review.
/// </summary>
public static class RemedyCasesApi
{
    public static void MapRemedyCasesApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/admin").WithTags("行政复议和行政诉讼（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
        staff.MapPost("/reviews", (RemedyRequest body, ApplicationWorkflow w, CancellationToken ct) => Record(w, lawsuit: false, body, ct))
            .WithSummary("登记行政复议案件（applicationId 或 trackingCode、filedOn；result：维持、纠正、其他、尚未审结）");
        staff.MapPost("/lawsuits", (RemedyRequest body, ApplicationWorkflow w, CancellationToken ct) => Record(w, lawsuit: true, body, ct))
            .WithSummary("登记行政诉讼案件（route：direct 未经复议直接起诉，after-review 复议后起诉）");
        staff.MapPut("/reviews/{id:long}", (long id, DecisionRequest body, ApplicationWorkflow w, CancellationToken ct) => Decide(w, id, lawsuit: false, body, ct))
            .WithSummary("登记行政复议结果");
        staff.MapPut("/lawsuits/{id:long}", (long id, DecisionRequest body, ApplicationWorkflow w, CancellationToken ct) => Decide(w, id, lawsuit: true, body, ct))
            .WithSummary("登记行政诉讼结果");
    }

    private static async Task<Created<RemedyView>> Record(ApplicationWorkflow workflow, bool lawsuit, RemedyRequest body, CancellationToken ct)
    {
        var remedy = await workflow.RecordRemedyAsync(lawsuit, body, ct);
        return TypedResults.Created($"/api/admin/{(lawsuit ? "lawsuits" : "reviews")}/{remedy.Id}", RemedyView.From(remedy));
    }

    private static async Task<Ok<RemedyView>> Decide(ApplicationWorkflow workflow, long id, bool lawsuit, DecisionRequest body, CancellationToken ct) =>
        TypedResults.Ok(RemedyView.From(await workflow.DecideRemedyAsync(id, lawsuit, body, ct)));
}

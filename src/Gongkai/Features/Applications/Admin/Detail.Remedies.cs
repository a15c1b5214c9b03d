using Gongkai.Domain.Applications;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.Applications.Admin;

/// <summary>
/// 行政复议 and 行政诉讼 cases over this application (第五十一条), counted in table 四 of the annual
/// report: recorded here, their results (维持 / 纠正 / 其他 / 尚未审结) entered when known.
/// </summary>
public sealed partial class DetailModel
{
    public static readonly IReadOnlyList<RemedyResult> Results = [RemedyResult.Pending, RemedyResult.Upheld, RemedyResult.Corrected, RemedyResult.Other];

    private static readonly string[] CaseFields = ["filedOn", "decidedOn", "result", "route"];

    public Task<IActionResult> OnPostReviewAsync(long id, string? filedOn, string? authority, string? caseNumber, string? result, string? decidedOn,
        CancellationToken ct) =>
        ActAsync(id, "review", () => CanRecordCases, CaseMap("review"),
            [("review-filedOn", filedOn), ("review-authority", authority), ("review-caseNumber", caseNumber), ("review-result", result), ("review-decidedOn", decidedOn)],
            async () =>
            {
                await workflow.RecordRemedyAsync(lawsuit: false, new RemedyRequest(id, null, filedOn, result, decidedOn, authority, caseNumber), ct);
                return "已登记行政复议案件。";
            }, ct);

    public Task<IActionResult> OnPostLawsuitAsync(long id, string? route, string? reviewId, string? filedOn, string? authority, string? caseNumber,
        string? result, string? decidedOn, CancellationToken ct) =>
        ActAsync(id, "lawsuit", () => CanRecordCases, CaseMap("lawsuit"),
            [("lawsuit-route", route), ("lawsuit-reviewId", reviewId), ("lawsuit-filedOn", filedOn), ("lawsuit-authority", authority),
             ("lawsuit-caseNumber", caseNumber), ("lawsuit-result", result), ("lawsuit-decidedOn", decidedOn)],
            async () =>
            {
                long? review = null;
                if (!string.IsNullOrWhiteSpace(reviewId))
                {
                    if (long.TryParse(reviewId, out var r)) review = r;
                    else { Errors.Add("lawsuit-reviewId", "请从列表中选择所关联的行政复议案件"); return null; }
                }
                await workflow.RecordRemedyAsync(lawsuit: true, new RemedyRequest(id, null, filedOn, result, decidedOn, authority, caseNumber, route, review), ct);
                return "已登记行政诉讼案件。";
            }, ct);

    /// <summary>Records (or corrects) the result of one of this application's cases.</summary>
    public Task<IActionResult> OnPostDecideAsync(long id, long caseId, string? result, string? decidedOn, CancellationToken ct) =>
        ActAsync(id, $"case-{caseId}", () => CanRecordCases && View.Cases.Any(c => c.Id == caseId),
            new Dictionary<string, string> { ["result"] = $"case-{caseId}-result", ["decidedOn"] = $"case-{caseId}-decidedOn" },
            [($"case-{caseId}-result", result), ($"case-{caseId}-decidedOn", decidedOn)],
            async () =>
            {
                var lawsuit = View.Cases.Single(c => c.Id == caseId).Kind != RemedyKind.Review.Code();
                var remedy = await workflow.DecideRemedyAsync(caseId, lawsuit, new DecisionRequest(result, decidedOn), ct);
                return $"已登记案件结果：{remedy.Result.ToChinese()}。";
            }, ct);

    private static Dictionary<string, string> CaseMap(string form) => CaseFields.ToDictionary(f => f, f => $"{form}-{f}");
}

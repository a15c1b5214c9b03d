using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// The annual report API (issue 5; route names are a public contract). Anyone may read a report: a
/// published one as it was published, an unpublished one as computed now.
/// </summary>
public static class AnnualReportsApi
{
    public static void MapAnnualReportsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/reports/annual").WithTags("政府信息公开工作年度报告");
        open.MapGet("/{year:int}", Get)
            .WithSummary("年度报告（body：机构代码，或 gov 表示区人民政府）：章节、表二、表三、表四和勾稽关系校验");
    }

    private static async Task<Ok<ReportView>> Get(int year, string? body, AnnualReportService reports, CancellationToken ct) =>
        TypedResults.Ok(ReportView.From(await reports.ReadAsync(year, body, ct)));
}

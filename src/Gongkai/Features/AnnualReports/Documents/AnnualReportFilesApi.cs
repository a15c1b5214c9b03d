using Gongkai.Features.Documents;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Features.AnnualReports.Documents;

/// <summary>
/// GET /api/reports/annual/{year}.docx, .pdf and .xlsx?body=: the same report as GET /api/reports/annual/{year}
/// (<see cref="AnnualReportService.ReadAsync"/>: a published report frozen, a draft computed now), as files.
/// Public like the JSON: a draft's numbers are what the records say today.
/// </summary>
public static class AnnualReportFilesApi
{
    public static void MapAnnualReportFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/reports/annual").WithTags("政府信息公开工作年度报告");
        files.MapGet("/{year:int}.docx", Docx).WithSummary("年度报告 Word 文件（公文格式，A4，表格含合并单元格）；body 同 JSON 接口");
        files.MapGet("/{year:int}.pdf", Pdf).WithSummary("年度报告 PDF 文件；body 同 JSON 接口");
        files.MapGet("/{year:int}.xlsx", Xlsx).WithSummary("年度报告表二、表三、表四的 Excel 工作簿（每表一个工作表，合并单元格与正式格式一致）；body 同 JSON 接口");
    }

    private static async Task<FileContentHttpResult> Docx(int year, string? body, AnnualReportService reports, DocxWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var (content, signed) = await ReadAsync(year, body, reports, clock, ct);
        return TypedResults.File(writer.Write(AnnualReportDocument.Build(content, signed)), DocxWriter.ContentType, AnnualReportDocument.FileName(content, "docx"));
    }

    private static async Task<FileContentHttpResult> Pdf(int year, string? body, AnnualReportService reports, PdfWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var (content, signed) = await ReadAsync(year, body, reports, clock, ct);
        return TypedResults.File(writer.Write(AnnualReportDocument.Build(content, signed)), PdfWriter.ContentType, AnnualReportDocument.FileName(content, "pdf"));
    }

    private static async Task<FileContentHttpResult> Xlsx(int year, string? body, AnnualReportService reports, TimeProvider clock, CancellationToken ct)
    {
        var (content, _) = await ReadAsync(year, body, reports, clock, ct);
        return TypedResults.File(AnnualReportWorkbook.Write(content), AnnualReportWorkbook.ContentType, AnnualReportDocument.FileName(content, "xlsx"));
    }

    /// <summary>The report and its 成文日期: the day it was published, or today (Beijing time) for a draft.</summary>
    private static async Task<(Domain.AnnualReports.AnnualReportContent Content, DateOnly Signed)> ReadAsync(
        int year, string? body, AnnualReportService reports, TimeProvider clock, CancellationToken ct)
    {
        var state = await reports.ReadAsync(year, body, ct);
        var signed = state is { IsPublished: true, Record.PublishedAt: { } at } ? ChinaTime.DateOf(at) : ChinaTime.Today(clock);
        return (state.Content, signed);
    }
}

using System.Text.Json;
using System.Threading.RateLimiting;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.AnnualReports.Lint;

/// <summary>
/// POST /api/reports/lint: anyone may check a published report's arithmetic. It only reads what is sent
/// and stores nothing, so it needs no account; the size limit keeps it cheap.
/// </summary>
public static class ReportLintApi
{
    /// <summary>Room for the multipart envelope and the form's other fields around the file.</summary>
    private const int EnvelopeBytes = 64 * 1024;

    public sealed record LintText(string? Html);

    /// <summary>Reading a 10 MB page costs a second of CPU: an anonymous caller gets this many a minute per address.</summary>
    public const int RequestsPerMinute = 60;
    private const string RatePolicy = "report-lint";

    public static void AddReportLint(this WebApplicationBuilder builder) =>
        builder.Services.AddRateLimiter(o => o.AddPolicy(RatePolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
            ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerMinute, Window = TimeSpan.FromMinutes(1) })));

    public static void MapReportLintApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reports/lint", Lint)
            .WithTags("政府信息公开工作年度报告")
            .WithSummary("校验他人发布的年度报告：multipart/form-data 上传文件（字段 file：.docx 或 .html/.htm），或字段 html / JSON {\"html\":\"…\"} 提交网页源代码；返回表三、表四各项勾稽关系的校验结果及未能识别的内容")
            // No Accepts metadata: it would make routing answer other content types with an empty 415 before we can explain.
            .Produces<LintReport>()
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422)
            .AllowAnonymous()
            .RequireRateLimiting(RatePolicy)
            // Reads only what is sent and changes nothing: a cross-site form gains nothing from it.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(AnnualReportLinter.MaxBytes + EnvelopeBytes));
    }

    private static async Task<Results<Ok<LintReport>, ProblemHttpResult>> Lint(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await ReadAndLintAsync(request, ct));
        }
        catch (LintInputException e)
        {
            return Problems.Problem(e.Status, e.Message, "无法校验");
        }
    }

    private static async Task<LintReport> ReadAndLintAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > AnnualReportLinter.MaxBytes + EnvelopeBytes) throw TooLarge();
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions
                {
                    MultipartBodyLengthLimit = AnnualReportLinter.MaxBytes + EnvelopeBytes,
                    ValueLengthLimit = AnnualReportLinter.MaxBytes,
                }, ct);
            }
            catch (InvalidDataException)
            {
                throw TooLarge();
            }
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is not null)
            {
                if (file.Length > AnnualReportLinter.MaxBytes) throw TooLarge();
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                return AnnualReportLinter.LintFile(file.FileName, buffer.ToArray());
            }
            if (form.TryGetValue("html", out var html) && !string.IsNullOrWhiteSpace(html))
                return AnnualReportLinter.LintHtml(html.ToString());
            throw new LintInputException(400, "请求中没有文件或内容：请上传文件（字段 file：.docx 或 .html），或在字段 html 中提交网页源代码。");
        }

        var type = request.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var body = await ReadBoundedAsync(request.Body, ct);
            LintText? text;
            try
            {
                text = JsonSerializer.Deserialize<LintText>(body, JsonSerializerOptions.Web);
            }
            catch (JsonException)
            {
                throw new LintInputException(400, "JSON 格式有误：请提交 {\"html\": \"网页源代码\"}。");
            }
            return AnnualReportLinter.LintHtml(text?.Html ?? "");
        }
        if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            return AnnualReportLinter.LintHtml(HtmlReportTables.Decode(await ReadBoundedAsync(request.Body, ct)));
        throw new LintInputException(415, "不支持的内容类型：请以 multipart/form-data 上传文件，或以 application/json 提交 {\"html\": \"…\"}。");
    }

    /// <summary>The body, refused past the limit even when no Content-Length was sent (chunked).</summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > AnnualReportLinter.MaxBytes + EnvelopeBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static LintInputException TooLarge() =>
        new(413, $"内容过大：文件或文本不能超过 {AnnualReportLinter.MaxBytes / 1024 / 1024} MB。");

    /// <summary>The limit as the page states it.</summary>
    internal static string Limit => $"{AnnualReportLinter.MaxBytes / 1024 / 1024} MB";
}

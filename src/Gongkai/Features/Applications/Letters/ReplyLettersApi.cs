using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Features.Applications.Letters;

/// <summary>The letter details a regeneration may carry when no letter was composed yet (see <see cref="LetterDetails"/>).</summary>
public sealed record LetterRequest(string? OtherBody = null, string? OtherBodyContact = null, string? Obtain = null);

/// <summary>
/// Reply letters through the API: staff (bearer token, department scope) read the status, download
/// and regenerate; the applicant downloads with the access key in the X-Access-Key header, never in
/// the address.
/// </summary>
public static class ReplyLettersApi
{
    public static void MapReplyLettersApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/admin/applications/{id:long}").WithTags("依申请公开（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
        staff.MapGet("/letter", Status).WithSummary("答复告知书：文号、Word 和 PDF 文件（SHA-256、大小）是否已生成，未生成的原因");
        staff.MapPost("/letter", Generate)
            .WithSummary("生成答复告知书中尚未生成的文件（如因缺少字体未能生成 PDF）；已生成的告知书不再改变")
            .WithDescription("答复时告知书没有生成的（如服务器故障），按当时的模板生成，可附 otherBody、otherBodyContact（第三十六条第（五）项）和 obtain（获取方式）。仍未能生成时返回503及原因。");
        staff.MapGet("/letter.docx", (long id, ReplyLetters letters, HttpContext http, CancellationToken ct) => Staff(id, LetterFormat.Docx, letters, http, ct))
            .WithSummary("下载答复告知书（Word）");
        staff.MapGet("/letter.pdf", (long id, ReplyLetters letters, HttpContext http, CancellationToken ct) => Staff(id, LetterFormat.Pdf, letters, http, ct))
            .WithSummary("下载答复告知书（PDF）");

        var open = app.MapGroup("/api/applications/{trackingCode}").WithTags("依申请公开")
            .RequireRateLimiting(ApplicationsSetup.LookupLimit);
        open.MapGet("/letter.{format}", Applicant)
            .WithSummary("申请人下载答复告知书（format 为 pdf 或 docx；请求头 X-Access-Key 填写查询密钥）")
            .WithDescription("查询码或密钥不正确、告知书尚未生成均返回404。网页表单请用 POST /apply/track/letter。");
    }

    private static async Task<Results<Ok<LetterStatus>, ProblemHttpResult>> Status(long id, ReplyLetters letters, CancellationToken ct) =>
        await letters.StatusAsync(id, ct) is { } status
            ? TypedResults.Ok(status)
            : Problems.Problem(404, "该申请还没有答复告知书：答复后自动生成。");

    private static async Task<Results<Ok<LetterStatus>, ProblemHttpResult>> Generate(long id, [FromBody] LetterRequest? body, ReplyLetters letters, CancellationToken ct)
    {
        var (status, error) = await letters.GenerateAsync(id, new LetterDetails(body?.OtherBody, body?.OtherBodyContact, body?.Obtain), ct);
        return error is null ? TypedResults.Ok(status) : Problems.Problem(503, error, "答复告知书未能全部生成");
    }

    private static async Task<IResult> Staff(long id, LetterFormat format, ReplyLetters letters, HttpContext http, CancellationToken ct) =>
        await letters.StaffFileAsync(id, format, ct) is { } file
            ? Send(file, http)
            : Problems.Problem(404, "没有该申请的答复告知书文件：申请不存在、不在本部门，或告知书尚未生成。");

    private static async Task<IResult> Applicant(string trackingCode, string format, [FromHeader(Name = ApplicationsApi.AccessKeyHeader)] string? accessKey,
        ReplyLetters letters, HttpContext http, CancellationToken ct)
    {
        if (!ReplyLetters.TryParseFormat(format, out var f)) return Problems.Problem(404, "告知书格式应为 pdf 或 docx。");
        return await letters.ApplicantFileAsync(trackingCode, accessKey, f, ct) is { } file
            ? Send(file, http)
            : Problems.Problem(404, "没有找到答复告知书：请核对查询码和查询密钥；申请答复后才有告知书。");
    }

    /// <summary>
    /// The file with Content-Disposition: attachment; filename=…; filename*=UTF-8''… (RFC 6266 / 5987,
    /// as attachments are sent); never cached by a shared cache: it carries the applicant's name.
    /// </summary>
    public static IResult Send(LetterFile file, HttpContext http)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.PhysicalFile(file.FullPath, file.ContentType, file.FileName);
    }
}

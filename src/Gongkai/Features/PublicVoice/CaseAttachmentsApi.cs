using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;
using Gongkai.Features.Applications;
using Gongkai.Features.Catalogue.Attachments;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.PublicVoice;

public sealed record CaseAttachmentCreated(long Id, string FileName, long Size, string Sha256);

/// <summary>
/// Attachments of cases: the citizen's upload with the tracking code and access key
/// (POST /api/opinions/{code}/attachments, /api/complaints/{code}/attachments), staff uploads
/// (POST /api/admin/cases/{id}/attachments) and the staff download, for those who may read the case.
/// </summary>
public static class CaseAttachmentsApi
{
    public static void MapCaseAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<PublicVoiceOptions>>().Value.MaxAttachmentBytes + AttachmentsApi.EnvelopeBytes;
        foreach (var (path, kind) in new[] { ("/api/opinions/{code}/attachments", CaseKind.Opinion), ("/api/complaints/{code}/attachments", CaseKind.Complaint) })
        {
            app.MapPost(path, (string code, [FromHeader(Name = ApplicationsApi.AccessKeyHeader)] string? key, HttpRequest request, CaseWorkflow workflow, CaseAttachments attachments, CancellationToken ct) =>
                    CitizenUpload(kind, code, key, request, workflow, attachments, ct))
                .WithTags(kind == CaseKind.Opinion ? "民生民意" : "效能投诉")
                .WithSummary($"上传附件（请求头 X-Access-Key；multipart/form-data，文件字段名 file；{AttachmentFormats.Allowed}；每件最多5个）")
                .Accepts<IFormFile>("multipart/form-data")
                // The access key travels in a header no cross-site form can set: no antiforgery token.
                .DisableAntiforgery()
                .RequireRateLimiting(CaseEngineSetup.LookupLimit)
                .WithMetadata(AttachmentsApi.UploadLimits(limit));
        }
        var staff = app.MapGroup("/api/admin/cases/{id:long}/attachments").WithTags("民生民意、效能投诉、监督员建议（工作人员）")
            .RequireAuthorization(Policies.ApiStaff).AddEndpointFilter<ActiveStaffFilter>();
        staff.MapPost("/", StaffUpload).WithSummary("上传附件（来信扫描件、答复附件等）").Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery().WithMetadata(AttachmentsApi.UploadLimits(limit));
        staff.MapGet("/{attachmentId:long}", Download).WithSummary("下载附件（能查看该件的工作人员）");
        // The same download for the staff pages (cookie or bearer token: the smart scheme picks).
        app.MapGet(PageDownloadPath("{id:long}", "{attachmentId:long}"), Download).RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<ActiveStaffFilter>().ExcludeFromDescription();
    }

    public static string PageDownloadPath(string caseId, string attachmentId) => $"/admin/cases/{caseId}/attachments/{attachmentId}";

    private static async Task<Results<Created<CaseAttachmentCreated>, ProblemHttpResult>> CitizenUpload(CaseKind kind, string code, string? key,
        HttpRequest request, CaseWorkflow workflow, CaseAttachments attachments, CancellationToken ct)
    {
        var c = await workflow.FindOwnAsync(code, key, ct);
        if (c is null || c.Kind != kind) return Problems.Problem(404, "没有找到该事项：请核对查询码和查询密钥。");
        return await UploadAsync(c, request, attachments, fromCitizen: true, $"/api/{(kind == CaseKind.Opinion ? "opinions" : "complaints")}/{c.TrackingCode}", ct);
    }

    private static async Task<Results<Created<CaseAttachmentCreated>, ProblemHttpResult>> StaffUpload(long id, HttpRequest request, CaseWorkflow workflow,
        CaseAttachments attachments, CancellationToken ct)
    {
        var c = await workflow.LoadAsync(id, ct);
        if (!workflow.Actor.ActsAsOffice(c.Kind) && !workflow.Actor.ActsAsHandler(c))
            throw new DepartmentScopeException("只有公开办或主办部门可以上传附件");
        return await UploadAsync(c, request, attachments, fromCitizen: false, $"/api/admin/cases/{id}/attachments", ct);
    }

    private static async Task<Results<Created<CaseAttachmentCreated>, ProblemHttpResult>> UploadAsync(VoiceCase c, HttpRequest request,
        CaseAttachments attachments, bool fromCitizen, string location, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Problems.Problem(415, "请以 multipart/form-data 上传，文件字段名为 file。");
        var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = attachments.MaxBytes + AttachmentsApi.EnvelopeBytes }, ct);
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null) return Problems.Problem(400, "请求中没有文件：请以 multipart/form-data 上传，文件字段名为 file。");
        try
        {
            await using var stream = file.OpenReadStream();
            var a = await attachments.AddAsync(c, file.FileName, stream, fromCitizen, ct);
            return TypedResults.Created($"{location}/{a.Id}", new CaseAttachmentCreated(a.Id, a.FileName, a.Size, a.Sha256));
        }
        catch (AttachmentRefusedException e)
        {
            return Problems.Problem(e.Status, e.Message, "附件未能上传");
        }
    }

    private static async Task<IResult> Download(long id, long attachmentId, CaseWorkflow workflow, GongkaiDbContext db, CaseAttachments attachments, CancellationToken ct)
    {
        await workflow.LoadAsync(id, ct); // 404 unless the caller may read the case
        var a = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.CaseId == id, ct);
        if (a is null) return Problems.Problem(404, "没有该附件。");
        var path = attachments.FullPath(a);
        if (!File.Exists(path)) return Problems.Problem(404, "附件文件不存在，请联系管理员。");
        return TypedResults.PhysicalFile(path, a.ContentType, a.FileName);
    }
}

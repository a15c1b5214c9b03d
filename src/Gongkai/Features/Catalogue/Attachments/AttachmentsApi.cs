using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Features.Catalogue.Attachments;

public sealed record AttachmentCreated(long Id, string FileName, long Size, string Sha256, string Url);

/// <summary>
/// POST/DELETE /api/items/{id}/attachments (bearer token, same rules as the edit page) and the
/// download GET /items/{id}/attachments/{attachmentId}: anyone for a published item, staff in
/// scope for the rest.
/// </summary>
public static class AttachmentsApi
{
    /// <summary>Room for the multipart envelope and form fields around the file.</summary>
    public const long EnvelopeBytes = 1024 * 1024;

    public static void MapAttachments(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<CatalogueOptions>>().Value.MaxAttachmentBytes + EnvelopeBytes;
        var staff = app.MapGroup("/api/items/{id:long}/attachments").WithTags("主动公开（工作人员）")
            .RequireAuthorization(Policies.ApiStaff)
            .AddEndpointFilter<ActiveStaffFilter>();
        staff.MapPost("/", Upload)
            .WithSummary($"上传附件（multipart/form-data，文件字段名 file；{AttachmentFormats.Allowed}；仅草稿或已退回的信息）")
            .Accepts<IFormFile>("multipart/form-data")
            // Bearer tokens only, never a cookie: no cross-site form can reach it, so no antiforgery token.
            .DisableAntiforgery()
            .WithMetadata(UploadLimits(limit));
        staff.MapDelete("/{attachmentId:long}", Delete).WithSummary("删除附件（仅草稿或已退回的信息）");

        app.MapGet("/items/{id:long}/attachments/{attachmentId:long}", Download).ExcludeFromDescription();
    }

    /// <summary>Endpoint metadata that lets an upload of the configured size through (the server's default stops at about 28 MB).</summary>
    public static object[] UploadLimits(long bytes) =>
        [new RequestSizeLimitAttribute(bytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bytes }];

    private static async Task<Results<Created<AttachmentCreated>, ProblemHttpResult>> Upload(long id, HttpRequest request, AttachFile attach, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problems.Problem(415, "请以 multipart/form-data 上传，文件字段名为 file。");
        var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = attach.MaxBytes + EnvelopeBytes }, ct);
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null) return Problems.Problem(400, "请求中没有文件：请以 multipart/form-data 上传，文件字段名为 file。");
        try
        {
            await using var stream = file.OpenReadStream();
            var a = await attach.RunAsync(id, file.FileName, stream, ct);
            var url = DownloadUrl(id, a.Id);
            return TypedResults.Created(url, new AttachmentCreated(a.Id, a.FileName, a.Size, a.Sha256, url));
        }
        catch (AttachmentRefusedException e)
        {
            return Problems.Problem(e.Status, e.Message, "附件未能上传");
        }
    }

    private static async Task<NoContent> Delete(long id, long attachmentId, RemoveAttachment remove, CancellationToken ct)
    {
        await remove.RunAsync(id, attachmentId, ct);
        return TypedResults.NoContent();
    }

    public static string DownloadUrl(long itemId, long attachmentId) => $"/items/{itemId}/attachments/{attachmentId}";

    private static async Task<IResult> Download(long id, long attachmentId, HttpContext http, GongkaiDbContext db, DepartmentScope scope,
        AttachmentStore store, ILoggerFactory logs, CancellationToken ct)
    {
        var row = await (
            from a in db.ItemAttachments.AsNoTracking()
            join i in db.Items on a.ItemId equals i.Id
            where a.Id == attachmentId && a.ItemId == id
            select new { a.FileName, a.ContentType, a.StoredPath, i.State, i.DepartmentId }).FirstOrDefaultAsync(ct);
        // Not published and not the caller's department: the same answer as no such file.
        if (row is null || !(row.State == ItemState.Published || scope.CanRead(row.DepartmentId))) return TypedResults.NotFound();
        var path = store.FullPath(row.StoredPath);
        if (!File.Exists(path))
        {
            logs.CreateLogger(typeof(AttachmentsApi)).LogError("Attachment {AttachmentId} of item {ItemId}: file {Path} is missing", attachmentId, id, path);
            return TypedResults.NotFound();
        }
        // Only published files may sit in shared caches; staff previews of drafts stay private.
        http.Response.Headers.CacheControl = row.State == ItemState.Published ? "public, max-age=300" : "private, no-store";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // PhysicalFile writes Content-Disposition: attachment; filename=…; filename*=UTF-8''… (RFC 6266).
        return TypedResults.PhysicalFile(path, row.ContentType, row.FileName, enableRangeProcessing: true);
    }
}

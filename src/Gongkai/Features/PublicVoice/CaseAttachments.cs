using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Audit;
using Gongkai.Features.Catalogue.Attachments;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.PublicVoice;

/// <summary>
/// Files attached to a case by the citizen (with the tracking code and access key) or by staff (a
/// scanned letter, an enclosure of the answer): the same checks as catalogue attachments (type by
/// extension and by content, size, not empty), stored by content hash under files/cases/.
/// A citizen may attach up to <see cref="PublicVoiceOptions.MaxCitizenAttachments"/> files, while the case is open.
/// </summary>
public sealed class CaseAttachments(GongkaiDbContext db, AttachmentStore store, IOptions<PublicVoiceOptions> options, TimeProvider clock, IAuditActorAccessor actors)
{
    public long MaxBytes => options.Value.MaxAttachmentBytes;

    public async Task<CaseAttachment> AddAsync(VoiceCase c, string? fileName, Stream content, bool fromCitizen, CancellationToken ct)
    {
        if (!c.Status.IsOpen()) throw new AttachmentRefusedException(StatusCodes.Status409Conflict, "该件已办结，不能再上传附件。");
        if (fromCitizen && await db.CaseAttachments.CountAsync(a => a.CaseId == c.Id && a.FromCitizen, ct) >= options.Value.MaxCitizenAttachments)
            throw new AttachmentRefusedException(StatusCodes.Status409Conflict, $"每件最多上传 {options.Value.MaxCitizenAttachments} 个附件。");
        var name = AttachmentRules.CleanFileName(fileName);
        var format = AttachmentFormats.ForFileName(name) ?? throw new AttachmentRefusedException(StatusCodes.Status415UnsupportedMediaType,
            $"不支持“{Path.GetExtension(name)}”类型的文件“{name}”：附件只能是 {AttachmentFormats.Allowed} 文件。");
        var staged = await store.StageAsync(content, MaxBytes, ct);
        try
        {
            if (staged.Size > MaxBytes)
                throw new AttachmentRefusedException(StatusCodes.Status413PayloadTooLarge, $"“{name}”超过了附件大小上限 {AttachmentRules.Size(MaxBytes)}，未上传。");
            if (staged.Size == 0) throw new AttachmentRefusedException(StatusCodes.Status400BadRequest, $"“{name}”是空文件，未上传。");
            if (!format.Matches(staged.Head))
                throw new AttachmentRefusedException(StatusCodes.Status415UnsupportedMediaType, $"“{name}”的内容不是{format.Name}（扩展名与文件内容不符），未上传。");
            var row = new CaseAttachment
            {
                CaseId = c.Id, FileName = name, ContentType = format.ContentType, Size = staged.Size, Sha256 = staged.Sha256,
                StoredPath = $"cases/{ChinaTime.Today(clock).Year:D4}/{staged.Sha256[..2]}/{staged.Sha256}{format.Extension}",
                FromCitizen = fromCitizen, UploadedBy = fromCitizen ? CaseWorkflow.CitizenName : actors.Current?.Name ?? "",
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            await AttachmentStore.Gate.WaitAsync(ct);
            try
            {
                // The file first, then the row that names it (a backup taken in between only finds an extra file).
                store.Place(staged.TempPath, row.StoredPath);
                db.CaseAttachments.Add(row);
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                AttachmentStore.Gate.Release();
            }
            return row;
        }
        finally
        {
            AttachmentStore.Discard(staged.TempPath);
        }
    }

    public string FullPath(CaseAttachment a) => store.FullPath(a.StoredPath);
}

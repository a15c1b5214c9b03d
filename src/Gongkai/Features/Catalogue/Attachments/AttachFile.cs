using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Attachments;

/// <summary>
/// Attaches an uploaded file to a draft: type checked by extension and by content, size limited,
/// hashed, text extracted (for search and the personal-data check), stored, then recorded. Used by
/// the edit page and POST /api/items/{id}/attachments.
/// </summary>
public sealed class AttachFile(GongkaiDbContext db, DepartmentScope scope, AttachmentStore store, IOptions<CatalogueOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxAttachmentBytes;

    public async Task<ItemAttachment> RunAsync(long itemId, string? fileName, Stream content, CancellationToken ct)
    {
        await AttachmentRules.LoadChangeableAsync(db, scope, itemId, ct);
        var name = AttachmentRules.CleanFileName(fileName);
        var format = AttachmentFormats.ForFileName(name) ?? throw new AttachmentRefusedException(StatusCodes.Status415UnsupportedMediaType,
            $"不支持“{Path.GetExtension(name)}”类型的文件“{name}”：附件只能是 {AttachmentFormats.Allowed} 文件。");

        var staged = await store.StageAsync(content, MaxBytes, ct);
        try
        {
            if (staged.Size > MaxBytes)
                throw new AttachmentRefusedException(StatusCodes.Status413PayloadTooLarge,
                    $"“{name}”超过了附件大小上限 {AttachmentRules.Size(MaxBytes)}，未上传。请压缩或拆分后重新上传。");
            if (staged.Size == 0)
                throw new AttachmentRefusedException(StatusCodes.Status400BadRequest, $"“{name}”是空文件，未上传。");
            if (!format.Matches(staged.Head))
                throw new AttachmentRefusedException(StatusCodes.Status415UnsupportedMediaType,
                    $"“{name}”的内容不是{format.Name}（扩展名与文件内容不符），未上传。请上传原始文件，不要只修改扩展名。");

            var text = AttachmentText.Extract(format, staged.TempPath, name, ct);
            var attachment = new ItemAttachment
            {
                ItemId = itemId,
                FileName = name,
                ContentType = format.ContentType,
                Size = staged.Size,
                Sha256 = staged.Sha256,
                StoredPath = AttachmentStore.RelativePath(ChinaTime.Today(clock).Year, staged.Sha256, format.Extension),
                ExtractedText = text,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            await AttachmentStore.Gate.WaitAsync(ct);
            try
            {
                // The file first, then the row that names it (a backup taken in between only finds an extra file).
                store.Place(staged.TempPath, attachment.StoredPath);
                db.ItemAttachments.Add(attachment);
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                AttachmentStore.Gate.Release();
            }
            return attachment;
        }
        finally
        {
            AttachmentStore.Discard(staged.TempPath);
        }
    }
}

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
        var (name, format, staged) = await store.StageCheckedAsync(fileName, content, MaxBytes, ct);
        try
        {
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
            await store.PlaceAndSaveAsync(staged, attachment.StoredPath, () =>
            {
                db.ItemAttachments.Add(attachment);
                return db.SaveChangesAsync(ct);
            }, ct);
            return attachment;
        }
        finally
        {
            AttachmentStore.Discard(staged.TempPath);
        }
    }
}

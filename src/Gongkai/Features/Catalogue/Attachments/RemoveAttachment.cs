using Gongkai.Data;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Attachments;

/// <summary>Removes an attachment from a draft: the row first, then the file when no other row names it.</summary>
public sealed class RemoveAttachment(GongkaiDbContext db, DepartmentScope scope, AttachmentStore store)
{
    public async Task<ItemAttachment> RunAsync(long itemId, long attachmentId, CancellationToken ct)
    {
        await AttachmentRules.LoadChangeableAsync(db, scope, itemId, ct);
        var attachment = await db.ItemAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == itemId, ct)
            ?? throw new NotFoundException($"信息 {itemId} 没有编号为 {attachmentId} 的附件。");
        await AttachmentStore.Gate.WaitAsync(ct);
        try
        {
            db.ItemAttachments.Remove(attachment);
            await db.SaveChangesAsync(ct);
            if (!await db.ItemAttachments.AnyAsync(a => a.StoredPath == attachment.StoredPath, ct))
                store.Remove(attachment.StoredPath);
        }
        finally
        {
            AttachmentStore.Gate.Release();
        }
        return attachment;
    }
}

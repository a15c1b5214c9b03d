using Gongkai.Features.Catalogue.Attachments;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>Attachments and related items on the item page.</summary>
public sealed partial class EditItemModel
{
    public bool CanChangeAttachments => CanWrite && Item is not null && AttachmentRules.CanChange(Item.State);
    public bool CanChangeRelations => CanWrite && Item is not null && Item.State != Domain.Publishing.ItemState.Withdrawn;

    public async Task<IActionResult> OnPostUploadAsync(long id, IFormFile? upload, [FromServices] AttachFile attach, CancellationToken ct) =>
        await ActAsync(id, canAct: () => CanChangeAttachments, async () =>
        {
            if (upload is null) { AddError("Upload", "请选择要上传的文件"); return null; }
            try
            {
                await using var stream = upload.OpenReadStream();
                var a = await attach.RunAsync(id, upload.FileName, stream, ct);
                return a.ExtractedText is null ? $"已上传附件“{a.FileName}”。"
                    : $"已上传附件“{a.FileName}”，提取文字 {a.ExtractedText.Length} 字（用于检索和个人信息检查）。";
            }
            catch (AttachmentRefusedException e)
            {
                AddError("Upload", e.Message);
                return null;
            }
        }, ct);

    public async Task<IActionResult> OnPostDeleteAttachmentAsync(long id, long attachmentId, bool confirm, [FromServices] RemoveAttachment remove, CancellationToken ct) =>
        await ActAsync(id, canAct: () => CanChangeAttachments, async () =>
        {
            if (!confirm) { AddError($"DeleteConfirm-{attachmentId}", "请勾选“确认删除”后再删除附件"); return null; }
            var a = await remove.RunAsync(id, attachmentId, ct);
            return $"已删除附件“{a.FileName}”。";
        }, ct);

    public async Task<IActionResult> OnPostAddRelationAsync(long id, string? relatedId, CancellationToken ct)
    {
        Typed["relatedId"] = relatedId;
        return await ActAsync(id, canAct: () => CanChangeRelations, async () =>
        {
            if (!long.TryParse(relatedId?.Trim(), out var other) || other <= 0) { AddError("RelatedId", "请填写要关联的信息编号（数字）"); return null; }
            await relations.AddAsync(id, other, ct);
            return $"已关联编号为 {other} 的信息。";
        }, ct);
    }

    public async Task<IActionResult> OnPostRemoveRelationAsync(long id, long relatedId, CancellationToken ct) =>
        await ActAsync(id, canAct: () => CanChangeRelations, async () =>
        {
            await relations.RemoveAsync(id, relatedId, ct);
            return $"已取消与编号为 {relatedId} 的信息的关联。";
        }, ct);
}

using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Attachments;

/// <summary>When attachments may change, and how names and sizes are shown.</summary>
public static class AttachmentRules
{
    /// <summary>
    /// Attachments change only while the item is a draft or returned: once submitted, the reviewer
    /// approves exactly what was checked, and a published item's files never bypass the check.
    /// </summary>
    public static bool CanChange(ItemState state) => state is ItemState.Draft or ItemState.Returned;

    internal static async Task LoadChangeableAsync(GongkaiDbContext db, DepartmentScope scope, long itemId, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.DepartmentId, i.State }).FirstOrDefaultAsync(ct);
        // Another department's draft answers like a missing one.
        if (item is null || !(scope.CanRead(item.DepartmentId) || item.State == ItemState.Published))
            throw new NotFoundException($"没有编号为 {itemId} 的信息。");
        scope.EnsureCanWrite(item.DepartmentId);
        if (!CanChange(item.State))
            throw new DomainException($"只有草稿或已退回的信息可以添加或删除附件（当前状态：{item.State.ToChinese()}）。");
    }

    /// <summary>The name as shown and offered for download: no folders, no control characters, at most 255 characters.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or '*' or '?' or ':')).ToArray()).Trim().TrimStart('.');
        if (name.Length == 0) throw new AttachmentRefusedException(StatusCodes.Status400BadRequest, "请选择要上传的文件。");
        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length <= 10 ? extension : "";
            name = name[..(255 - extension.Length)] + extension;
        }
        return name;
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => $"{bytes} 字节",
    };
}

using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Admin;

public sealed record RelatedLink(long Id, string Title, string StateName, bool IsPublished);

/// <summary>
/// Links between related items (关联稿件). A pair is stored once, whichever side added it, and both
/// item pages show it; only published items can be linked to, so a link never points the public at
/// a draft.
/// </summary>
public sealed class ItemRelations(GongkaiDbContext db, DepartmentScope scope)
{
    public async Task<List<RelatedLink>> ListAsync(long itemId, CancellationToken ct)
    {
        var ids = await PairsOf(itemId).Select(r => r.ItemId == itemId ? r.RelatedItemId : r.ItemId).ToListAsync(ct);
        var rows = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.State }).ToListAsync(ct);
        return rows.Select(r => new RelatedLink(r.Id, r.Title, r.State.ToChinese(), r.State == ItemState.Published)).ToList();
    }

    public async Task AddAsync(long itemId, long relatedId, CancellationToken ct)
    {
        await EnsureCanChangeAsync(itemId, ct);
        if (relatedId == itemId) throw new DomainException("不能关联信息自身。");
        var related = await db.Items.AsNoTracking().Where(i => i.Id == relatedId).Select(i => new { i.State }).FirstOrDefaultAsync(ct);
        if (related is null || related.State != ItemState.Published)
            throw new DomainException($"编号为 {relatedId} 的信息不存在或尚未发布：只能关联已发布的信息。");
        if (await PairsOf(itemId).AnyAsync(r => r.ItemId == relatedId || r.RelatedItemId == relatedId, ct))
            throw new DomainException($"已关联编号为 {relatedId} 的信息。");
        db.ItemRelations.Add(new ItemRelation { ItemId = itemId, RelatedItemId = relatedId });
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(long itemId, long relatedId, CancellationToken ct)
    {
        await EnsureCanChangeAsync(itemId, ct);
        var pairs = await db.ItemRelations
            .Where(r => (r.ItemId == itemId && r.RelatedItemId == relatedId) || (r.ItemId == relatedId && r.RelatedItemId == itemId))
            .ToListAsync(ct);
        if (pairs.Count == 0) throw new NotFoundException($"没有与编号为 {relatedId} 的信息的关联。");
        db.ItemRelations.RemoveRange(pairs);
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<ItemRelation> PairsOf(long itemId) =>
        db.ItemRelations.AsNoTracking().Where(r => r.ItemId == itemId || r.RelatedItemId == itemId);

    private async Task EnsureCanChangeAsync(long itemId, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.DepartmentId, i.State }).FirstOrDefaultAsync(ct);
        if (item is null || !scope.CanRead(item.DepartmentId)) throw new NotFoundException($"没有编号为 {itemId} 的信息。");
        scope.EnsureCanWrite(item.DepartmentId);
        if (item.State == ItemState.Withdrawn) throw new DomainException("已撤回的信息不能修改关联信息。");
    }
}

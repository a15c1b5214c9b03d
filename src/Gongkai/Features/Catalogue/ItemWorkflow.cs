using Gongkai.Data;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue;

/// <summary>Publication was refused because personal data was found (422); a reviewer may override with a reason.</summary>
public sealed class PersonalDataFoundException(IReadOnlyList<PersonalDataHit> hits) : Exception(PersonalDataCheck.Describe(hits))
{
    public IReadOnlyList<PersonalDataHit> Hits { get; } = hits;
}

/// <summary>
/// The publishing use cases shared by the back-office pages and the API: draft, revise (keeping
/// every version), submit, approve (personal-data check, 索引号, publication now or later),
/// return, withdraw, and the scheduled publication run.
/// </summary>
public sealed class ItemWorkflow(GongkaiDbContext db, DepartmentScope scope, IndexNumberAllocator numbers, TimeProvider clock, IAuditActorAccessor actors,
    IHttpContextAccessor http)
{
    private const int MaxAttempts = 10;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DisclosureItem> CreateAsync(ItemInput input, CancellationToken ct)
    {
        var content = await ItemInputResolver.ResolveAsync(db, input, ct);
        scope.EnsureCanWrite(content.DepartmentId);
        var item = new DisclosureItem(content, actors.Current?.Name ?? "", Now);
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<DisclosureItem> UpdateAsync(long id, ItemInput input, CancellationToken ct)
    {
        var item = await LoadForWriteAsync(id, ct);
        var content = await ItemInputResolver.ResolveAsync(db, input, ct);
        scope.EnsureCanWrite(content.DepartmentId);
        if (item.State == ItemState.Published)
        {
            // Keep the published version before it changes (every version stays viewable by staff).
            db.ItemVersions.Add(Snapshot(item));
            // A revision goes public at once, so the reviewer's override happens here, not at approval.
            var hits = PersonalDataCheck.Run(new DisclosureItem(content, "", Now), await AttachmentsAsync(id, ct));
            if (hits.Count > 0)
            {
                if (string.IsNullOrWhiteSpace(input.PersonalDataOverrideReason)) throw new PersonalDataFoundException(hits);
                var user = http.HttpContext?.User;
                if (user is null || !(user.IsInRole(StaffRoles.Reviewer) || user.IsInRole(StaffRoles.OfficeAdmin)))
                    throw new InputException(new() { ["personalDataOverrideReason"] = ["只有审核人或公开办管理员可以填写理由后仍然发布含个人信息的内容"] });
                RecordOverride(id, input.PersonalDataOverrideReason, hits);
            }
        }
        item.Edit(content, Now);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<DisclosureItem> SubmitAsync(long id, CancellationToken ct)
    {
        var item = await LoadForWriteAsync(id, ct);
        item.Submit(Now);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<DisclosureItem> ReturnAsync(long id, string? reason, CancellationToken ct)
    {
        var item = await LoadForWriteAsync(id, ct);
        item.Return(reason ?? "", Now);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<DisclosureItem> WithdrawAsync(long id, string? reason, CancellationToken ct)
    {
        var item = await LoadForWriteAsync(id, ct);
        item.Withdraw(reason ?? "", Now);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<DisclosureItem> ChangeValidityAsync(long id, Validity validity, DateOnly on, CancellationToken ct)
    {
        var item = await LoadForWriteAsync(id, ct);
        item.ChangeValidity(validity, on, Now);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>
    /// A reviewer approves. Personal data blocks it unless <paramref name="overrideReason"/> is
    /// given; the override and what it overrode go to the audit log.
    /// </summary>
    public async Task<DisclosureItem> ApproveAsync(long id, DateTime? publishAt, string? overrideReason, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var item = await LoadForWriteAsync(id, ct);
            var hits = PersonalDataCheck.Run(item, await AttachmentsAsync(id, ct));
            if (hits.Count > 0)
            {
                if (string.IsNullOrWhiteSpace(overrideReason)) throw new PersonalDataFoundException(hits);
                RecordOverride(id, overrideReason, hits, field: "overrideReason");
            }
            item.Approve(Now, publishAt);
            if (item.State == ItemState.Published) await PublishAsync(item, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return item;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another approval took the same 索引号 sequence number first: reload and take the next.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    /// <summary>The reviewer's written reason and what it overrode go to the audit log, in the same transaction as the publication.</summary>
    private void RecordOverride(long id, string reason, IReadOnlyList<Domain.Disclosure.PersonalDataHit> hits, string field = "personalDataOverrideReason")
    {
        if (reason.Trim().Length > 500) throw new InputException(new() { [field] = ["理由不超过500个字"] });
        db.RecordEvent(actors.Current ?? AuditActor.System, "PersonalDataOverride", nameof(DisclosureItem), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { reason = reason.Trim(), hits = hits.Select(h => new { kind = h.Kind.ToString(), h.Source, h.Masked }) });
    }

    /// <summary>Publishes approved items whose time has come; run by the background service.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.Items.Where(i => i.State == ItemState.Scheduled && i.ScheduledFor <= now).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            var item = await db.Items.SingleAsync(i => i.Id == id, ct);
            if (!item.IsDue(now)) continue; // another instance published it meanwhile
            await PublishAsync(item, ct);
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }

    private async Task PublishAsync(DisclosureItem item, CancellationToken ct)
    {
        string? number = null;
        if (item.IndexNumber is null)
        {
            var department = await db.Departments.SingleAsync(d => d.Id == item.DepartmentId, ct);
            number = await numbers.NextAsync(department, ChinaTime.Today(clock).Year, ct);
        }
        item.MarkPublished(Now, ChinaTime.Today(clock), number);
    }

    private async Task<DisclosureItem> LoadForWriteAsync(long id, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
        // Another department's draft answers like a missing one.
        if (item is null || !(scope.CanRead(item.DepartmentId) || item.IsPublic)) throw new NotFoundException($"没有编号为 {id} 的信息。");
        scope.EnsureCanWrite(item.DepartmentId);
        return item;
    }

    private Task<List<ItemAttachment>> AttachmentsAsync(long id, CancellationToken ct) =>
        db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id).ToListAsync(ct);

    private ItemVersion Snapshot(DisclosureItem item) => new()
    {
        ItemId = item.Id,
        Version = item.Version,
        SavedAt = Now,
        SavedBy = actors.Current?.Name ?? "",
        Snapshot = AuditCapture.Serialize(new
        {
            item.Title, item.DocumentNumber, item.WrittenOn, item.CategoryId, item.ThemeId, item.Keywords, item.Summary,
            item.Body, Kind = item.Kind.ToString(), item.InterpretsItemId,
        }),
    };
}

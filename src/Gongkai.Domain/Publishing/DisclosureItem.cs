using Gongkai.Domain.Common;

namespace Gongkai.Domain.Publishing;

/// <summary>
/// An item of government information (政府信息). State changes are methods that check the current
/// state; the 索引号 is given once, at first publication, and never changes (it survives
/// revisions, withdrawal and repeal so that no number is ever reused).
/// </summary>
public sealed class DisclosureItem
{
    public long Id { get; private set; }
    public string? IndexNumber { get; private set; }
    public string Title { get; private set; } = "";
    public int DepartmentId { get; private set; }
    public int CategoryId { get; private set; }
    public int? ThemeId { get; private set; }
    public string? DocumentNumber { get; private set; }
    public DateOnly WrittenOn { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? ScheduledFor { get; private set; }
    public string Keywords { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DocumentKind Kind { get; private set; }
    public DisclosureMode Mode { get; private set; }
    public long? InterpretsItemId { get; private set; }
    public ItemState State { get; private set; }
    public string? StateReason { get; private set; }
    public Validity Validity { get; private set; }
    public DateOnly? ValidityChangedOn { get; private set; }
    public int Version { get; private set; } = 1;
    public long ViewCount { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private DisclosureItem() { }

    public DisclosureItem(ItemContent content, string createdBy, DateTime now)
    {
        Apply(content);
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
        State = ItemState.Draft;
    }

    public bool IsPublic => State == ItemState.Published;

    /// <summary>
    /// Drafts and returned items are edited freely; a published item may be revised (its version
    /// goes up and the caller keeps the previous version); anything under review or withdrawn may not.
    /// </summary>
    public void Edit(ItemContent content, DateTime now)
    {
        if (State is ItemState.Submitted or ItemState.Scheduled)
            throw new DomainException("该信息正在审核或等待定时发布，不能修改；请先退回");
        if (State == ItemState.Withdrawn) throw new DomainException("已撤回的信息不能修改");
        Apply(content);
        if (State == ItemState.Published) Version++;
        UpdatedAt = now;
    }

    public void Submit(DateTime now)
    {
        if (State is not (ItemState.Draft or ItemState.Returned))
            throw new DomainException($"只有草稿或已退回的信息可以提交审核（当前状态：{State.ToChinese()}）");
        State = ItemState.Submitted;
        StateReason = null;
        UpdatedAt = now;
    }

    public void Return(string reason, DateTime now)
    {
        if (State is not (ItemState.Submitted or ItemState.Scheduled))
            throw new DomainException($"只有待审核或待发布的信息可以退回（当前状态：{State.ToChinese()}）");
        StateReason = RequireReason(reason, "退回");
        State = ItemState.Returned;
        UpdatedAt = now;
    }

    /// <summary>A reviewer approves: published now, or at <paramref name="publishAt"/> when that is in the future.</summary>
    public void Approve(DateTime now, DateTime? publishAt)
    {
        if (State != ItemState.Submitted)
            throw new DomainException($"只有待审核的信息可以审核通过（当前状态：{State.ToChinese()}）");
        if (publishAt is { } at && at > now)
        {
            ScheduledFor = at;
            State = ItemState.Scheduled;
        }
        else
        {
            State = ItemState.Published;
        }
        UpdatedAt = now;
    }

    /// <summary>True when an approved item has reached its publication time.</summary>
    public bool IsDue(DateTime now) => State == ItemState.Scheduled && ScheduledFor <= now;

    /// <summary>
    /// Makes the item public. The 索引号 is assigned by the caller only the first time
    /// (<paramref name="newIndexNumber"/> is ignored when the item already has one).
    /// </summary>
    public void MarkPublished(DateTime now, DateOnly today, string? newIndexNumber)
    {
        if (State is not (ItemState.Published or ItemState.Scheduled))
            throw new DomainException("信息尚未审核通过，不能发布");
        if (IndexNumber is null)
        {
            if (string.IsNullOrWhiteSpace(newIndexNumber)) throw new DomainException("首次发布必须分配索引号");
            IndexNumber = newIndexNumber;
        }
        State = ItemState.Published;
        ScheduledFor = null;
        PublishedOn ??= today;
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>Takedown (撤回) with a recorded reason.</summary>
    public void Withdraw(string reason, DateTime now)
    {
        if (State != ItemState.Published) throw new DomainException("只有已发布的信息可以撤回");
        StateReason = RequireReason(reason, "撤回");
        State = ItemState.Withdrawn;
        UpdatedAt = now;
    }

    /// <summary>Marks a published document 失效 or 废止 (or valid again) from a date.</summary>
    public void ChangeValidity(Validity validity, DateOnly on, DateTime now)
    {
        if (State != ItemState.Published) throw new DomainException("只有已发布的信息可以标注有效性");
        if (on < WrittenOn) throw new DomainException("失效或废止日期不能早于成文日期");
        Validity = validity;
        ValidityChangedOn = validity == Validity.Valid ? null : on;
        UpdatedAt = now;
    }

    public void CountView() => ViewCount++;

    private void Apply(ItemContent c)
    {
        var title = (c.Title ?? "").Trim();
        if (title.Length is 0 or > 200) throw new DomainException("标题不能为空，且不超过200个字");
        if (string.IsNullOrWhiteSpace(c.Body)) throw new DomainException("正文不能为空");
        if (c.Kind == DocumentKind.Interpretation && c.InterpretsItemId is null)
            throw new DomainException("政策解读必须关联所解读的政策文件");
        if (c.Kind != DocumentKind.Interpretation && c.InterpretsItemId is not null)
            throw new DomainException("只有政策解读可以关联被解读的文件");
        if (c.InterpretsItemId == Id && Id != 0) throw new DomainException("政策解读不能关联自身");
        if ((c.DocumentNumber ?? "").Length > 100) throw new DomainException("文号不超过100个字");
        if ((c.Keywords ?? "").Length > 200) throw new DomainException("关键词不超过200个字");
        if ((c.Summary ?? "").Length > 1000) throw new DomainException("内容概述不超过1000个字");
        Title = title;
        DepartmentId = c.DepartmentId;
        CategoryId = c.CategoryId;
        ThemeId = c.ThemeId;
        WrittenOn = c.WrittenOn;
        Body = c.Body;
        DocumentNumber = string.IsNullOrWhiteSpace(c.DocumentNumber) ? null : c.DocumentNumber.Trim();
        Keywords = (c.Keywords ?? "").Trim();
        Summary = (c.Summary ?? "").Trim();
        Kind = c.Kind;
        Mode = c.Mode;
        InterpretsItemId = c.InterpretsItemId;
    }

    private static string RequireReason(string reason, string action)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > 500) throw new DomainException($"请填写{action}理由（不超过500个字）");
        return reason;
    }
}

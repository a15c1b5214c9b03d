using Gongkai.Domain.Cases;
using Gongkai.Features.Applications;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice;

public sealed partial class CaseWorkflow
{
    /// <summary>
    /// The citizen's own case by tracking code and access key; null when either is wrong (the same
    /// answer for both, so a guess learns nothing).
    /// </summary>
    public async Task<VoiceCase?> FindOwnAsync(string? trackingCode, string? accessKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(trackingCode) || string.IsNullOrWhiteSpace(accessKey)) return null;
        var code = TrackingCodes.NormaliseCode(trackingCode);
        var c = await WithTimeline.FirstOrDefaultAsync(x => x.TrackingCode == code, ct);
        return c is not null && TrackingCodes.Matches(accessKey, c.AccessKeyHash) ? c : null;
    }

    private async Task<VoiceCase> OwnAsync(string trackingCode, string? accessKey, CancellationToken ct) =>
        await FindOwnAsync(trackingCode, accessKey, ct) ?? throw new NotFoundException("没有找到该事项：请核对查询码和查询密钥。");

    /// <summary>The citizen rates the answer (满意 / 基本满意 / 不满意).</summary>
    public async Task<VoiceCase> RateAsync(string trackingCode, string? accessKey, RateCaseRequest body, CancellationToken ct)
    {
        var c = await OwnAsync(trackingCode, accessKey, ct);
        if (!CaseCodes.TryParseRating(body.Rating, out var rating))
            throw new InputException(new() { ["rating"] = ["请选择评价：satisfied（满意）、fairly-satisfied（基本满意）或 unsatisfied（不满意）"] });
        c.Rate(rating, body.Comment, await ContextAsync(ct));
        await SaveAsync(ct);
        return c;
    }

    /// <summary>An unsatisfied citizen asks once for the case to be handled again.</summary>
    public async Task<VoiceCase> ReopenAsync(string trackingCode, string? accessKey, CaseReasonRequest body, CancellationToken ct)
    {
        var c = await OwnAsync(trackingCode, accessKey, ct);
        c.Reopen(body.Reason ?? "", await ContextAsync(ct));
        await SaveAsync(ct);
        return c;
    }

    /// <summary>
    /// Links the case to something about the same matter: another case (shown on both), an
    /// application (by tracking code), a consultation opinion (by reference) or a catalogue item.
    /// </summary>
    public async Task<CaseLink> LinkAsync(long id, LinkCaseRequest body, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (!Actor.ActsAsOffice(c.Kind) && !Actor.ActsAsHandler(c)) throw new Accounts.DepartmentScopeException("只有公开办或主办部门可以关联事项");
        var errors = new FieldErrors();
        var note = errors.Text("note", body.Note, 500, "关联说明", required: false);
        var target = (body.Type ?? "").Trim().ToLowerInvariant() switch
        {
            "case" => CaseLinkTarget.Case,
            "application" => CaseLinkTarget.Application,
            "consultation" => CaseLinkTarget.ConsultationOpinion,
            "item" => CaseLinkTarget.Item,
            _ => (CaseLinkTarget)0,
        };
        if (target == 0) errors.Add("type", "关联类型应为 case（事项）、application（依申请公开）、consultation（征求意见）或 item（政府信息）");
        var reference = errors.Text("target", body.Target, 100, "关联对象", required: true);
        errors.ThrowIfAny();
        switch (target)
        {
            case CaseLinkTarget.Case:
                var other = await FindAsync(reference, ct);
                if (other is null || other.Id == c.Id) errors.Add("target", $"没有找到事项“{reference}”");
                else reference = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case CaseLinkTarget.Application:
                var code = TrackingCodes.NormaliseCode(reference!);
                var app = await db.Applications.Where(a => a.TrackingCode == code || a.Id.ToString() == code).Select(a => a.TrackingCode).FirstOrDefaultAsync(ct);
                if (app is null) errors.Add("target", $"没有查询码为“{reference}”的申请");
                else reference = app;
                break;
            case CaseLinkTarget.Item:
                if (!long.TryParse(reference, out var itemId) || !await db.Items.AnyAsync(i => i.Id == itemId, ct)) errors.Add("target", $"没有编号为“{reference}”的政府信息");
                break;
        }
        errors.ThrowIfAny();
        if (await db.CaseLinks.AnyAsync(l => l.CaseId == c.Id && l.TargetType == target && l.TargetRef == reference, ct))
            throw new Domain.Common.DomainConflictException("已关联");
        var link = new CaseLink { CaseId = c.Id, TargetType = target, TargetRef = reference!, Note = note, CreatedBy = actors.Current?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.CaseLinks.Add(link);
        await SaveAsync(ct);
        return link;
    }

    /// <summary>
    /// Brings the stored due dates of unanswered cases up to date with the calendar (the office may
    /// have entered a new year's holiday notice). For a background job; returns how many changed.
    /// </summary>
    public async Task<int> RecomputeDueDatesAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var pending = await db.Cases.Where(VoiceCase.Pending)
            .ToListAsync(ct);
        var changed = pending.Count(c => c.Recompute(calendar));
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }
}

using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Supervision;

/// <summary>A kind's settings as the API and the page show them; <paramref name="IsDefault"/> when the office has not set them.</summary>
public sealed record CaseKindSettingView(
    string Kind, string Name, int DueWorkingDays, int NearDueWorkingDays, bool IsDefault, bool CanEdit, string? UpdatedBy, DateTime? UpdatedAt);

/// <summary>One kind's new settings (PUT /api/admin/cases/settings takes a list of them).</summary>
public sealed record CaseKindSettingRequest(string? Kind, int? DueWorkingDays, int? NearDueWorkingDays);

/// <summary>
/// Per kind: the reply deadline in working days (<see cref="CaseWorkflow.DueDaysAsync"/> gives it
/// to each new case) and how many working days before it a case counts as near due (dashboard,
/// reminders). The office sets opinions and suggestions; the supervision staff complaints
/// (<see cref="CaseActor.ActsAsOffice"/>). A change applies to cases received after it.
/// </summary>
public sealed class CaseSettings(GongkaiDbContext db, TimeProvider clock, IAuditActorAccessor actors)
{
    public const int MaxNearDueWorkingDays = 10;

    public async Task<List<CaseKindSettingView>> ListAsync(CaseActor actor, CancellationToken ct)
    {
        var stored = await db.CaseKindSettings.AsNoTracking().ToDictionaryAsync(s => s.Kind, ct);
        return [.. Enum.GetValues<CaseKind>().Where(actor.SeesKind).Select(k => stored.TryGetValue(k, out var s)
            ? new CaseKindSettingView(k.Code(), k.ToChinese(), s.DueWorkingDays, s.NearDueWorkingDays, false, actor.ActsAsOffice(k), s.UpdatedBy, s.UpdatedAt)
            : new CaseKindSettingView(k.Code(), k.ToChinese(), CaseWorkflow.DefaultDueDays(k), CaseSupervisionService.DefaultNearDueWorkingDays, true,
                actor.ActsAsOffice(k), null, null))];
    }

    /// <summary>Saves the given kinds' settings together, or none of them.</summary>
    /// <exception cref="Hosting.InputException">A value out of range (Chinese message per field).</exception>
    /// <exception cref="DepartmentScopeException">A kind the caller may not set.</exception>
    public async Task SaveAsync(CaseActor actor, IReadOnlyList<CaseKindSettingRequest>? input, CancellationToken ct)
    {
        var errors = new Applications.FieldErrors();
        var parsed = new List<(CaseKind Kind, int Due, int Near)>();
        if (input is not { Count: > 0 }) errors.Add("settings", "请至少提交一种事项类型的设置");
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var s = input![i];
            var at = $"[{i}]";
            if (!CaseCodes.TryParseKind(s.Kind, out var kind))
            {
                errors.Add(at + ".kind", "事项类型应为 opinion（民生民意）、complaint（效能投诉）或 suggestion（监督员建议）");
                continue;
            }
            if (!actor.ActsAsOffice(kind))
                throw new DepartmentScopeException(kind == CaseKind.Complaint ? "只有效能监察员可以设置效能投诉的办理时限" : "只有公开办可以设置办理时限");
            if (parsed.Any(p => p.Kind == kind)) errors.Add(at + ".kind", $"{kind.ToChinese()}重复提交");
            if (s.DueWorkingDays is not { } due || due is < VoiceCase.MinDueDays or > VoiceCase.MaxDueDays)
                errors.Add(at + ".dueWorkingDays", $"办理时限应为 {VoiceCase.MinDueDays} 到 {VoiceCase.MaxDueDays} 个工作日");
            var near = s.NearDueWorkingDays ?? CaseSupervisionService.DefaultNearDueWorkingDays;
            if (near < 0 || near > MaxNearDueWorkingDays) errors.Add(at + ".nearDueWorkingDays", $"临期提醒应为 0 到 {MaxNearDueWorkingDays} 个工作日");
            else if (s.DueWorkingDays is { } d && near >= d) errors.Add(at + ".nearDueWorkingDays", "临期提醒的天数应少于办理时限");
            parsed.Add((kind, s.DueWorkingDays ?? 0, near));
        }
        errors.ThrowIfAny();
        var stored = await db.CaseKindSettings.ToDictionaryAsync(s => s.Kind, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = actors.Current?.Name ?? "";
        foreach (var (kind, due, near) in parsed)
        {
            if (!stored.TryGetValue(kind, out var setting))
            {
                setting = new CaseKindSetting { Kind = kind };
                db.CaseKindSettings.Add(setting);
            }
            setting.DueWorkingDays = due;
            setting.NearDueWorkingDays = near;
            setting.UpdatedBy = by;
            setting.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}

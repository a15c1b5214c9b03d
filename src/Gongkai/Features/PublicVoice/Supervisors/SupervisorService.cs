using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Cases;
using Gongkai.Features.Applications;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Supervisors;

public sealed record SupervisorRequest(string? Name, string? Affiliation, string? Contact, string? TermStart, string? TermEnd, string? Notes);

public sealed record SupervisorView(long Id, string Name, string Affiliation, string? ContactMasked, DateOnly TermStart, DateOnly TermEnd, bool InTerm, string? Notes);

/// <summary>A supervisor's suggestion (a case of kind suggestion) and how it ended (整改, 采纳, 答复).</summary>
public sealed record SuggestionView(long Id, string TrackingCode, string Title, DateOnly ReceivedOn, string Status, string StatusName,
    string? Department, string? Outcome, string? OutcomeName, DateOnly? ClosedOn);

public sealed record AttendanceRequest(long SupervisorId, bool Present, string? Note);

public sealed record MeetingRequest(string? HeldOn, string? Title, string? Place, string? Minutes, AttendanceRequest[]? Attendance);

public sealed record AttendanceView(long SupervisorId, string Name, bool Present, string? Note);

public sealed record MeetingView(long Id, DateOnly HeldOn, string Title, string Place, string Minutes, IReadOnlyList<AttendanceView> Attendance);

/// <summary>
/// The supervisors' registry (监督员: name, affiliation, contact encrypted with
/// <see cref="ApplicantProtector"/> and shown masked, term), their meetings with minutes and
/// attendance, and their suggestions (cases of kind suggestion, registered by the office through
/// the case engine) with the outcome of each. The office administrators keep them.
/// </summary>
public sealed class SupervisorService(GongkaiDbContext db, TimeProvider clock, IAuditActorAccessor actors, ApplicantProtector protector)
{
    /// <summary>In-term supervisors first (the ones the office works with now), then by name.</summary>
    public async Task<List<SupervisorView>> ListAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var rows = await db.Supervisors.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(s => s.InTermOn(today)).ThenByDescending(s => s.TermEnd).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
            .Select(s => View(s, today))];
    }

    public async Task<SupervisorView?> GetAsync(long id, CancellationToken ct) =>
        await db.Supervisors.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? View(s, ChinaTime.Today(clock)) : null;

    private static SupervisorView View(Supervisor s, DateOnly today) =>
        new(s.Id, s.Name, s.Affiliation, s.ContactMasked, s.TermStart, s.TermEnd, s.InTermOn(today), s.Notes);

    public async Task<Supervisor> CreateAsync(SupervisorRequest input, CancellationToken ct)
    {
        var s = new Supervisor { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actors.Current?.Name ?? "" };
        Apply(s, input, creating: true);
        db.Supervisors.Add(s);
        await db.SaveChangesAsync(ct);
        return s;
    }

    public async Task<Supervisor> UpdateAsync(long id, SupervisorRequest input, CancellationToken ct)
    {
        var s = await db.Supervisors.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"没有编号为 {id} 的监督员。");
        Apply(s, input, creating: false);
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>On an update an empty contact keeps the stored one (the form never shows it in clear).</summary>
    private void Apply(Supervisor s, SupervisorRequest input, bool creating)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", input.Name, 100, "姓名", required: true);
        var affiliation = errors.Text("affiliation", input.Affiliation, 200, "单位及职务", required: true);
        var contact = errors.Text("contact", input.Contact, 100, "联系方式", required: false);
        if (contact is not null && !errors.Has("contact") && !CaseWorkflow.LooksLikeContact(contact))
            errors.Add("contact", "联系方式应为手机号码、固定电话或电子邮箱");
        var start = errors.Date("termStart", input.TermStart, "任期开始日期");
        var end = errors.Date("termEnd", input.TermEnd, "任期结束日期");
        if (!errors.Has("termStart") && !errors.Has("termEnd") && end < start) errors.Add("termEnd", "任期结束日期不能早于开始日期");
        var notes = errors.Text("notes", input.Notes, 1000, "备注", required: false);
        errors.ThrowIfAny();
        s.Name = name!;
        s.Affiliation = affiliation!;
        if (contact is not null || creating)
        {
            s.Contact = protector.Protect(contact);
            s.ContactMasked = contact is null ? null : ApplicantData.MaskContact(contact);
        }
        s.TermStart = start;
        s.TermEnd = end;
        s.Notes = notes;
    }

    /// <summary>The supervisor's suggestions, newest first, with their outcome once closed.</summary>
    public async Task<List<SuggestionView>> SuggestionsAsync(long supervisorId, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking().Where(c => c.SupervisorId == supervisorId && c.Kind == CaseKind.Suggestion)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.TrackingCode, c.Title, c.ReceivedOn, c.Status, c.Outcome, c.ClosedOn,
                Department = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return [.. rows.Select(r => new SuggestionView(r.Id, r.TrackingCode, r.Title, r.ReceivedOn, r.Status.Code(), r.Status.ToChinese(), r.Department,
            r.Outcome?.Code(), r.Outcome?.ToChinese(), r.ClosedOn))];
    }

    public async Task<List<MeetingView>> MeetingsAsync(CancellationToken ct)
    {
        var meetings = await db.SupervisorMeetings.AsNoTracking().Include(m => m.Attendance).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        var ids = meetings.SelectMany(m => m.Attendance.Select(a => a.SupervisorId)).Distinct().ToList();
        var names = await db.Supervisors.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. meetings.Select(m => new MeetingView(m.Id, m.HeldOn, m.Title, m.Place, m.Minutes,
            [.. m.Attendance.OrderByDescending(a => a.Present).ThenBy(a => a.SupervisorId).Select(a => new AttendanceView(a.SupervisorId, names.GetValueOrDefault(a.SupervisorId) ?? "", a.Present, a.Note))]))];
    }

    public async Task<SupervisorMeeting> CreateMeetingAsync(MeetingRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var on = errors.Date("heldOn", input.HeldOn, "会议日期");
        var title = errors.Text("title", input.Title, 200, "会议名称", required: true);
        var place = errors.Text("place", input.Place, 200, "会议地点", required: true);
        var minutes = errors.Text("minutes", input.Minutes, 20000, "会议纪要", required: true);
        var attendance = input.Attendance ?? [];
        if (attendance.GroupBy(a => a.SupervisorId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add("attendance", $"监督员 {twice.Key} 的出席情况填写了两次");
        var ids = attendance.Select(a => a.SupervisorId).Distinct().ToList();
        var known = await db.Supervisors.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (ids.Except(known).FirstOrDefault() is var missing and > 0) errors.Add("attendance", $"没有编号为 {missing} 的监督员");
        if (attendance.FirstOrDefault(a => (a.Note ?? "").Trim().Length > 200) is { } longNote) errors.Add("attendance", $"监督员 {longNote.SupervisorId} 的说明不超过200个字");
        errors.ThrowIfAny();
        var meeting = new SupervisorMeeting
        {
            HeldOn = on, Title = title!, Place = place!, Minutes = minutes!,
            CreatedBy = actors.Current?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
            Attendance = [.. attendance.Select(a => new MeetingAttendance { SupervisorId = a.SupervisorId, Present = a.Present, Note = string.IsNullOrWhiteSpace(a.Note) ? null : a.Note.Trim() })],
        };
        db.SupervisorMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}

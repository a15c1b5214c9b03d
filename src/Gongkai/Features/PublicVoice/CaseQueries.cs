using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Organisation;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice;

/// <summary>Filters of the staff list (GET /api/admin/cases and /admin/cases).</summary>
public sealed record CaseFilter(string? Kind = null, string? Status = null, string? Department = null, bool? Overdue = null, string? Q = null, int Page = 1, int PageSize = 20);

/// <summary>The reading side of the case engine: lists, one case for staff, the citizen's view, the published answers.</summary>
public sealed class CaseQueries(GongkaiDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<CasePage> ListAsync(CaseActor actor, CaseFilter f, CancellationToken ct)
    {
        var errors = new Applications.FieldErrors();
        var query = actor.Visible(db.Cases.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            if (CaseCodes.TryParseKind(f.Kind, out var kind)) query = query.Where(c => c.Kind == kind);
            else errors.Add("kind", "事项类型应为 opinion、complaint 或 suggestion");
        }
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            if (f.Status.Trim() == "open") query = query.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Merged);
            else if (f.Status.Trim() == "pending") query = query.Where(VoiceCase.Pending);
            else if (CaseCodes.TryParseStatus(f.Status, out var status)) query = query.Where(c => c.Status == status);
            else errors.Add("status", "状态应为 open、pending 或 " + string.Join("、", Enum.GetValues<CaseStatus>().Select(s => s.Code())));
        }
        if (!string.IsNullOrWhiteSpace(f.Department))
        {
            var dept = await db.Departments.IdByCodeAsync(f.Department, activeOnly: false, ct);
            if (dept is null) errors.Add("department", $"没有代码为“{f.Department}”的部门");
            else query = query.Where(c => c.DepartmentId == dept);
        }
        if (f.Page < 1) errors.Add("page", "页码应从 1 开始");
        if (f.PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"每页条数应为 1 到 {MaxPageSize}");
        errors.ThrowIfAny();
        var today = ChinaTime.Today(clock);
        if (f.Overdue == true)
            query = query.Where(VoiceCase.Pending).Where(c => c.DueOn < today);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(c => c.TrackingCode == q.ToUpperInvariant() || c.Title.Contains(q) || c.Content.Contains(q));
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(c => c.Escalated).ThenBy(c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Merged).ThenBy(c => c.DueOn).ThenByDescending(c => c.Id)
            .Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Select(c => new
            {
                c.Id, c.TrackingCode, c.Kind, c.Title, c.Status, c.Channel, c.ReceivedOn, c.DueOn, c.Escalated,
                Department = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new CaseListItem(r.Id, r.TrackingCode, r.Kind.Code(), r.Kind.ToChinese(), r.Title, r.Status.Code(), r.Status.ToChinese(),
            r.Department, r.Channel.ToChinese(), r.ReceivedOn, r.DueOn, r.Status.IsPending() && r.DueOn < today, r.Escalated)).ToList();
        return new CasePage(total, f.Page, f.PageSize, items);
    }

    /// <summary>One case for staff, or null when the caller may not read it (a 404, like a missing one).</summary>
    public async Task<CaseDetail?> DetailAsync(CaseActor actor, long id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Events).Include(x => x.Assignments).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !actor.CanRead(c)) return null;
        return await DetailAsync(actor, c, ct);
    }

    public async Task<CaseDetail> DetailAsync(CaseActor actor, VoiceCase c, CancellationToken ct)
    {
        var deptIds = c.Assignments.Select(a => a.DepartmentId).Concat(c.Events.Where(e => e.DepartmentId != null).Select(e => e.DepartmentId!.Value))
            .Append(c.DepartmentId ?? 0).Append(c.TransferTargetId ?? 0).Append(c.AccusedDepartmentId ?? 0).Distinct().ToList();
        var depts = await db.Departments.Where(d => deptIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        string? Name(int? id) => id is { } i && depts.TryGetValue(i, out var d) ? d.Name : null;
        var today = ChinaTime.Today(clock);
        var links = await LinksAsync(c.Id, ct);
        var attachments = await db.CaseAttachments.Where(a => a.CaseId == c.Id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.Size, a.FromCitizen }).ToListAsync(ct);
        var attachmentViews = attachments.Select(a => new CaseAttachmentView(a.Id, a.FileName, a.Size, a.FromCitizen,
            CaseAttachmentsApi.PageDownloadPath(c.Id.ToString(CultureInfo.InvariantCulture), a.Id.ToString(CultureInfo.InvariantCulture)))).ToList();
        var supervisorName = c.SupervisorId is { } sid ? await db.Supervisors.Where(s => s.Id == sid).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;
        var merged = c.MergedIntoId is { } m ? await db.Cases.Where(x => x.Id == m).Select(x => x.TrackingCode).FirstOrDefaultAsync(ct) : null;
        var seesCitizen = actor.SeesCitizen(c);
        return new CaseDetail(c.Id, c.TrackingCode, c.Kind.Code(), c.Kind.ToChinese(), c.Channel.Code(), c.Channel.ToChinese(), c.Topic,
            c.Title, c.Content, c.Address, c.Latitude, c.Longitude,
            seesCitizen ? c.CitizenName : null, seesCitizen ? c.ContactMasked : null, c.PublishConsent,
            c.ReceivedOn, c.Status.Code(), c.Status.ToChinese(), Name(c.DepartmentId), c.DepartmentId is { } did && depts.TryGetValue(did, out var dd) ? dd.Code : null,
            Name(c.TransferTargetId), c.DueOn, c.DueWorkingDays, c.IsOverdue(today), c.Escalated,
            c.AnswerText, c.AnswerDepartmentName, c.AnsweredOn, c.AnsweredOnTime, c.AnswerWorkingDays,
            c.Rating?.Code(), c.Rating?.ToChinese(), c.RatingComment, c.ReopenCount,
            c.Outcome?.Code(), c.Outcome?.ToChinese(), c.ClosedOn,
            c.IsPublished, c.PublicTitle, c.PublicQuestion, c.PublicAnswer,
            merged, c.SupervisorId, supervisorName,
            c.Kind == CaseKind.Complaint && actor.IsInspector
                ? new ComplaintView(Name(c.AccusedDepartmentId), c.AccusedPerson, c.Finding?.Code(), c.Finding?.ToChinese(), c.Findings, c.Sanctions)
                : null,
            [.. c.Assignments.OrderByDescending(a => a.Active).ThenByDescending(a => a.Lead).ThenBy(a => a.Id)
                .Select(a => new CaseAssignmentView(depts.TryGetValue(a.DepartmentId, out var d) ? d.Code : "", Name(a.DepartmentId) ?? "", a.Lead, a.AssignedOn, a.AcceptedOn, a.Active))],
            [.. c.Events.OrderBy(e => e.Sequence).Select(e => Line(e, Name(e.DepartmentId)))],
            links, attachmentViews, CaseSteps.Allowed(actor, c));
    }

    private static CaseTimelineLine Line(CaseEvent e, string? department) =>
        new(e.Sequence, e.On, e.Kind.ToString(), e.Kind.ToChinese(), e.Text, department, e.RecordedBy, e.Internal, e.RecordedAt);

    /// <summary>Links both ways: those made on this case, and case links made on others that point here.</summary>
    private async Task<List<CaseLinkView>> LinksAsync(long id, CancellationToken ct)
    {
        var self = id.ToString(CultureInfo.InvariantCulture);
        var own = await db.CaseLinks.Where(l => l.CaseId == id).OrderBy(l => l.Id).ToListAsync(ct);
        var incoming = await db.CaseLinks.Where(l => l.TargetType == CaseLinkTarget.Case && l.TargetRef == self).OrderBy(l => l.Id).ToListAsync(ct);
        var caseIds = own.Where(l => l.TargetType == CaseLinkTarget.Case).Select(l => long.Parse(l.TargetRef, CultureInfo.InvariantCulture))
            .Concat(incoming.Select(l => l.CaseId)).Distinct().ToList();
        var codes = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.TrackingCode + " " + c.Title, ct);
        var views = new List<CaseLinkView>();
        foreach (var l in own)
        {
            views.Add(l.TargetType switch
            {
                CaseLinkTarget.Case => new CaseLinkView(l.Id, "case", l.TargetRef, codes.GetValueOrDefault(long.Parse(l.TargetRef, CultureInfo.InvariantCulture)) ?? l.TargetRef, $"/admin/cases/{l.TargetRef}", l.Note),
                CaseLinkTarget.Application => new CaseLinkView(l.Id, "application", l.TargetRef, "依申请公开 " + l.TargetRef, null, l.Note),
                CaseLinkTarget.Item => new CaseLinkView(l.Id, "item", l.TargetRef, "政府信息 " + l.TargetRef, $"/items/{l.TargetRef}", l.Note),
                _ => new CaseLinkView(l.Id, "consultation", l.TargetRef, "征求意见 " + l.TargetRef, null, l.Note),
            });
        }
        foreach (var l in incoming)
            views.Add(new CaseLinkView(l.Id, "case", l.CaseId.ToString(CultureInfo.InvariantCulture), codes.GetValueOrDefault(l.CaseId) ?? "", $"/admin/cases/{l.CaseId}", l.Note));
        return views;
    }

    /// <summary>The citizen's view: no staff-only lines, no staff names.</summary>
    public async Task<CaseTrackingView> TrackAsync(VoiceCase c, CancellationToken ct)
    {
        var deptIds = c.Events.Where(e => e.DepartmentId != null).Select(e => e.DepartmentId!.Value).Append(c.DepartmentId ?? 0).Distinct().ToList();
        var depts = await db.Departments.Where(d => deptIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var complaint = c.Kind == CaseKind.Complaint;
        string? Name(int? id) => !complaint && id is { } i ? depts.GetValueOrDefault(i) : null;
        var answered = c.AnsweredOn is not null && c.Status is CaseStatus.Answered or CaseStatus.Closed or CaseStatus.Reopened;
        return new CaseTrackingView(c.TrackingCode, c.Kind.Code(), c.Kind.ToChinese(), c.Title, c.Content, c.Status.Code(), c.Status.ToChinese(),
            c.ReceivedOn, c.DueOn, Name(c.DepartmentId),
            answered ? c.AnswerText : null, answered ? c.AnswerDepartmentName : null, answered ? c.AnsweredOn : null,
            c.Rating?.Code(), c.Rating?.ToChinese(),
            CanRate: c.Status is CaseStatus.Answered or CaseStatus.Closed && c.AnsweredOn is not null && c.RatedAt is null,
            CanReopen: c.Status is CaseStatus.Answered or CaseStatus.Closed && c.Rating == CaseRating.Unsatisfied && c.ReopenCount == 0,
            c.IsPublished, c.IsPublished ? $"/opinions/published/{c.Id}" : null,
            [.. c.Events.Where(e => !e.Internal).OrderBy(e => e.Sequence)
                .Select(e => new CaseTimelineLine(e.Sequence, e.On, e.Kind.ToString(), e.Kind.ToChinese(), e.Kind == CaseEventKind.Answered ? null : e.Text, Name(e.DepartmentId), "", false, e.RecordedAt))]);
    }

    /// <summary>Published questions and answers, newest first; <paramref name="q"/> matches title, question or answer.</summary>
    public async Task<PublishedPage> PublishedAsync(string? q, string? department, int page, int pageSize, CancellationToken ct)
    {
        var errors = new Applications.FieldErrors();
        if (page < 1) errors.Add("page", "页码应从 1 开始");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"每页条数应为 1 到 {MaxPageSize}");
        var query = db.Cases.AsNoTracking().Where(c => c.PublishedAt != null && c.Kind != CaseKind.Complaint);
        if (!string.IsNullOrWhiteSpace(department))
        {
            var dept = await db.Departments.IdByCodeAsync(department, activeOnly: false, ct);
            if (dept is null) errors.Add("department", $"没有代码为“{department}”的部门");
            else query = query.Where(c => c.DepartmentId == dept);
        }
        errors.ThrowIfAny();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.PublicTitle!.Contains(text) || c.PublicQuestion!.Contains(text) || c.PublicAnswer!.Contains(text));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new PublishedCase(c.Id, c.TrackingCode, c.PublicTitle!, c.PublicQuestion!, c.PublicAnswer!,
                db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(), c.AnsweredOn, c.PublishedAt!.Value,
                "/opinions/published/" + c.Id))
            .ToListAsync(ct);
        return new PublishedPage(total, page, pageSize, items);
    }
}

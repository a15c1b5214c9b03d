using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications;

/// <summary>The inbox filter: status code (or "open"), department code, overdue.</summary>
public sealed record InboxFilter(string? Status, string? Department, bool? Overdue, int Page = 1, int PageSize = 20);

/// <summary>Reads of applications: the staff inbox and detail, the applicant's tracking view, repeats and 第四十四条 proposals.</summary>
public static class ApplicationQueries
{
    /// <summary>Department staff see their department's applications; the office and supervisors all.</summary>
    public static IQueryable<InformationApplication> Visible(this DepartmentScope scope, IQueryable<InformationApplication> query)
    {
        if (scope.ReadsAll) return query;
        if (scope.DepartmentId is not { } department) return query.Where(_ => false);
        return query.Where(a => a.DepartmentId == department);
    }

    /// <summary>The same applicant: same name, and the same (masked) ID number when the application has one.</summary>
    public static IQueryable<InformationApplication> SameApplicant(IQueryable<InformationApplication> query, InformationApplication a)
    {
        var name = a.ApplicantName;
        var id = a.IdNumberMasked;
        query = query.Where(o => o.Id != a.Id && o.ApplicantName == name);
        return id is null ? query : query.Where(o => o.IdNumberMasked == id);
    }

    public static async Task<InboxPage> InboxAsync(GongkaiDbContext db, DepartmentScope scope, InboxFilter filter, DateOnly today, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = scope.Visible(db.Applications.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (filter.Status.Trim() == "open") query = query.Where(a => a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed);
            else if (ApplicationNames.TryParseStatus(filter.Status, out var status)) query = query.Where(a => a.Status == status);
            else errors.Add("status", "状态应为 open、received、accepted、returned、replied 或 closed");
        }
        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            var code = filter.Department.Trim().ToLowerInvariant();
            var department = await db.Departments.Where(d => d.Code == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (department is null) errors.Add("department", $"没有代码为“{filter.Department}”的机构");
            else query = query.Where(a => a.DepartmentId == department);
        }
        if (filter.Page < 1) errors.Add("page", "页码从1开始");
        if (filter.PageSize is < 1 or > 100) errors.Add("pageSize", "每页条数应为1至100");
        errors.ThrowIfAny();
        // Overdue: still open, the clock running (DueOn is null while stopped or paused), the due date passed.
        if (filter.Overdue == true) query = query.Where(a => (a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed) && a.DueOn < today);
        if (filter.Overdue == false) query = query.Where(a => !((a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed) && a.DueOn < today));

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(a => !(a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed)).ThenBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Join(db.Departments, a => a.DepartmentId, d => d.Id, (a, d) => new
            {
                a.Id, a.TrackingCode, a.ApplicantType, a.ApplicantName,
                a.Description,
                d.Code, d.Name, a.Status, a.Phase, a.ReceivedOn, a.DueOn, a.Outcome,
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new InboxRow(r.Id, r.TrackingCode, r.ApplicantType.Label(), r.ApplicantName, Shorten(r.Description), r.Code, r.Name,
            r.Status.Code(), r.Status.ToChinese(), r.Phase.Code(), r.ReceivedOn, r.DueOn, r.Status.IsOpen() && r.DueOn < today, r.Outcome?.Code())).ToArray();
        return new InboxPage(items, total, filter.Page, filter.PageSize);
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;

    /// <summary>The tracking view, or null when the code is unknown or the key wrong (both answer 404).</summary>
    public static async Task<TrackingView?> TrackAsync(GongkaiDbContext db, WorkingDayCalendar calendar, string trackingCode, string? accessKey, CancellationToken ct)
    {
        var code = TrackingCodes.NormaliseCode(trackingCode);
        var a = await db.Applications.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.TrackingCode == code, ct);
        // Hash the key even when the code is unknown: the time taken does not tell codes apart.
        var matches = TrackingCodes.Matches(accessKey, a?.AccessKeyHash ?? new string('0', 64));
        if (a is null || !matches) return null;

        var clock = a.ReadClock(calendar);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var history = a.History(calendar).Select(h => new HistoryEntry(h.Event.On, h.Event.Kind.Code(), h.Event.Kind.ToChinese(), PublicText(h, departments))).ToArray();
        ReplyView? reply = a.Outcome is { } o ? new ReplyView(o.Code(), o.ToChinese(), a.FinishedOn!.Value, a.ReplyText, o.Info().Basis) : null;
        return new TrackingView(a.TrackingCode, a.Status.Code(), a.Status.ToChinese(), clock.Phase.Code(), clock.Phase.ToChinese(), a.ReceivedOn,
            clock.DueOn, clock.LastMove.Reason, departments.GetValueOrDefault(a.DepartmentId, ""), a.ApplicantType.Label(),
            ApplicantData.MaskName(a.ApplicantName, a.ApplicantType), a.IdNumberMasked, a.ContactMasked, a.Description, a.DocumentNumber,
            a.DeliveryForm, clock.CorrectionDeadline, clock.PaymentDueOn, a.FeeAmount, reply, history);
    }

    /// <summary>
    /// What the applicant reads for each step: the clock's reason where the step moved the clock;
    /// for internal steps (who handles it, why a department gave it back) only that it moved on.
    /// </summary>
    private static string PublicText(HistoryLine line, Dictionary<int, string> departments) => line.Event.Kind switch
    {
        ApplicationEventKind.Accepted => "承办部门已受理",
        ApplicationEventKind.ReturnedToOffice => "申请已退回政府信息公开工作机构重新分办",
        ApplicationEventKind.Transferred => $"申请已转由{departments.GetValueOrDefault(line.Event.DepartmentId ?? 0, "其他部门")}办理",
        _ => line.Step?.Reason ?? line.Event.Kind.ToChinese(),
    };

    public static async Task<ApplicationDetail?> DetailAsync(GongkaiDbContext db, DepartmentScope scope, WorkingDayCalendar calendar, long id, CancellationToken ct)
    {
        var a = await scope.Visible(db.Applications.AsNoTracking().Include(x => x.Events)).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        var history = a.History(calendar).Select(h => new StaffHistoryEntry(h.Event.Sequence, h.Event.On, h.Event.Kind.Code(), h.Event.Kind.ToChinese(),
            h.Event.End, h.Event.WorkingDays, h.Event.Amount, h.Event.Reason, h.Event.Outcome?.Code(),
            h.Event.DepartmentId is { } d ? departments.GetValueOrDefault(d).Name : null, h.Step?.DueBefore, h.Step?.DueAfter, h.Step?.Reason,
            h.Event.RecordedBy, h.Event.RecordedAt)).ToArray();
        var cases = await db.RemedyCases.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var department = departments.GetValueOrDefault(a.DepartmentId);
        return new ApplicationDetail(a.Id, a.TrackingCode, a.Channel.Code(), a.Channel.ToChinese(), a.Channel.ReceiptRule(), a.Rules.ToChinese(),
            a.ApplicantType.Code(), a.ApplicantType.Label(), a.ApplicantName, a.IdNumberMasked, a.ContactMasked, a.Description, a.DocumentNumber,
            a.DeliveryForm, department.Code ?? "", department.Name ?? "", a.ReturnReason, ClockResponse.From(a, a.ReadClock(calendar)), history,
            await PossibleRepeatsAsync(db, a, ct), [.. cases.Select(RemedyView.From)]);
    }

    /// <summary>
    /// 不予处理 2 (第三十六条第（六）项): the same applicant's earlier applications that were already
    /// answered and ask for similar information. Only a flag for staff; the decision is theirs.
    /// </summary>
    public static async Task<PossibleRepeat[]> PossibleRepeatsAsync(GongkaiDbContext db, InformationApplication a, CancellationToken ct)
    {
        var earlier = await SameApplicant(db.Applications.AsNoTracking(), a)
            .Where(o => o.Status == ApplicationStatus.Replied && o.ReceivedOn <= a.ReceivedOn)
            .OrderByDescending(o => o.ReceivedOn).Take(200)
            .Select(o => new { o.Id, o.TrackingCode, o.ReceivedOn, o.Outcome, o.Description })
            .ToListAsync(ct);
        return [.. earlier
            .Select(o => (o, score: Similarity.Of(a.Description, o.Description)))
            .Where(x => x.score >= Similarity.SameInformation)
            .Select(x => new PossibleRepeat(x.o.Id, x.o.TrackingCode, x.o.ReceivedOn, x.o.Outcome?.Code(), x.o.Outcome?.ToChinese(), Math.Round(x.score, 2)))];
    }

    /// <summary>
    /// 第四十四条: information asked for by at least <paramref name="minApplicants"/> different
    /// applicants since <paramref name="since"/> and disclosed to at least one of them (so it may be
    /// disclosed), grouped by department and similar description: proposals to publish it proactively.
    /// </summary>
    public static async Task<ProactiveProposal[]> ProposalsAsync(GongkaiDbContext db, DepartmentScope scope, DateOnly since, int minApplicants, CancellationToken ct)
    {
        var rows = await scope.Visible(db.Applications.AsNoTracking())
            .Where(a => a.ReceivedOn >= since)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.DepartmentId, a.ApplicantName, a.IdNumberMasked, a.Description, a.Outcome })
            .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        var proposals = new List<ProactiveProposal>();
        foreach (var group in rows.GroupBy(r => r.DepartmentId))
        {
            // Greedy clustering around the first description of each cluster: enough for a district's
            // few thousand applications a year, and easy to explain.
            var clusters = new List<List<(long Id, string Applicant, string Description, ReplyOutcome? Outcome)>>();
            foreach (var r in group)
            {
                var item = (r.Id, Applicant: r.ApplicantName + "|" + r.IdNumberMasked, r.Description, r.Outcome);
                var home = clusters.FirstOrDefault(c => Similarity.Of(c[0].Description, r.Description) >= Similarity.SameInformation);
                if (home is null) clusters.Add([item]);
                else home.Add(item);
            }
            foreach (var c in clusters)
            {
                var applicants = c.Select(x => x.Applicant).Distinct().Count();
                if (applicants < minApplicants || !c.Any(x => x.Outcome is ReplyOutcome.Granted or ReplyOutcome.Partial)) continue;
                var department = departments.GetValueOrDefault(group.Key);
                proposals.Add(new ProactiveProposal(department.Code ?? "", department.Name ?? "", c[0].Description, applicants, [.. c.Select(x => x.Id)]));
            }
        }
        return [.. proposals.OrderByDescending(p => p.Applicants)];
    }
}

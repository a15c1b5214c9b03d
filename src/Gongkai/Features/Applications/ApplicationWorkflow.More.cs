using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Applications;

public sealed partial class ApplicationWorkflow
{
    /// <summary>
    /// A 信息处理费 notice (国办函〔2020〕109号): the amount as given, or computed 按量 from pages or
    /// 按件 from 件, counting the applicant's earlier applications in the same calendar month.
    /// </summary>
    public async Task<InformationApplication> NoticeFeeAsync(long id, FeeNoticeRequest body, CancellationToken ct)
    {
        var application = await LoadForWriteAsync(id, ct);
        var errors = new FieldErrors();
        var on = errors.Date("on", body.On, "收费通知日期");
        if (new[] { body.Amount is not null, body.Pages is not null, body.Items is not null }.Count(x => x) != 1)
            errors.Add("amount", "请填写收费金额，或填写页数（按量）、件数（按件）三者之一");
        errors.ThrowIfAny();

        var amount = body.Amount ?? 0;
        if (body.Pages is { } pages) amount = InformationProcessingFee.PerPage(pages).Total;
        if (body.Items is { } items) amount = InformationProcessingFee.PerItem(await EarlierThisMonthAsync(application, ct), items).Total;
        if (amount == 0 && body.Amount is null) throw new DomainValueException("按此计算在免费范围内，无需发出收费通知");
        application.NoticeFee(on, amount, await ContextAsync(ct));
        await SaveStepAsync(ct);
        return application;
    }

    /// <summary>The same applicant's applications received earlier in the calendar month of this one's receipt.</summary>
    private Task<int> EarlierThisMonthAsync(InformationApplication a, CancellationToken ct)
    {
        var first = new DateOnly(a.ReceivedOn.Year, a.ReceivedOn.Month, 1);
        return ApplicationQueries.SameApplicant(db.Applications, a)
            .CountAsync(o => o.ReceivedOn >= first && (o.ReceivedOn < a.ReceivedOn || (o.ReceivedOn == a.ReceivedOn && o.Id < a.Id)), ct);
    }

    /// <summary>
    /// Closes every application whose applicant let the correction (第三十条) or payment deadline
    /// pass, and brings stored due dates up to date with the calendar (an office may have entered a
    /// new year's notice). Returns how many were closed.
    /// </summary>
    public async Task<int> CloseLapsedAsync(CancellationToken ct)
    {
        var context = await ContextAsync(ct);
        var open = await db.Applications
            .Where(a => a.Status != ApplicationStatus.Replied && a.Status != ApplicationStatus.Closed)
            .Select(a => a.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var id in open)
        {
            var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == id, ct);
            var changed = application.Recompute(context.Calendar);
            if (application.CloseIfLapsed(context))
            {
                closed++;
                changed = true;
            }
            if (changed) await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return closed;
    }

    /// <summary>The full ID number and contact, for the handling department and the office; each look is audited.</summary>
    public async Task<(string? IdNumber, string? Contact)> RevealAsync(long id, CancellationToken ct)
    {
        var application = await LoadForWriteAsync(id, ct);
        db.RecordEvent(actors.Current ?? AuditActor.System, "RevealApplicantData", nameof(InformationApplication),
            application.Id.ToString(CultureInfo.InvariantCulture), new { application.TrackingCode });
        await db.SaveChangesAsync(ct);
        return (protector.Unprotect(application.IdNumber), protector.Unprotect(application.Contact));
    }

    /// <summary>Records a 行政复议 (<paramref name="lawsuit"/> false) or 行政诉讼 case against an application.</summary>
    public async Task<RemedyCase> RecordRemedyAsync(bool lawsuit, RemedyRequest body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filedOn = errors.Date("filedOn", body.FiledOn, lawsuit ? "起诉日期" : "申请复议日期");
        var decidedOn = errors.OptionalDate("decidedOn", body.DecidedOn, "审结日期");
        var result = RemedyResult.Pending;
        if (!string.IsNullOrWhiteSpace(body.Result) && !RemedyNames.TryParseResult(body.Result, out result))
            errors.Add("result", "结果应为 维持、纠正、其他 或 尚未审结（upheld、corrected、other、pending）");
        var kind = RemedyKind.Review;
        if (lawsuit)
        {
            kind = (body.Route ?? "").Trim() switch
            {
                "direct" or "未经复议直接起诉" => RemedyKind.LawsuitDirect,
                "after-review" or "复议后起诉" => RemedyKind.LawsuitAfterReview,
                _ => RemedyKind.Review,
            };
            if (kind == RemedyKind.Review) errors.Add("route", "请选择起诉方式：direct（未经复议直接起诉）或 after-review（复议后起诉）");
        }
        if (body.ApplicationId is null && string.IsNullOrWhiteSpace(body.TrackingCode)) errors.Add("applicationId", "请填写申请编号或查询码");
        errors.ThrowIfAny();

        var applicationId = body.ApplicationId ?? await db.Applications
            .Where(a => a.TrackingCode == TrackingCodes.NormaliseCode(body.TrackingCode!)).Select(a => a.Id).FirstOrDefaultAsync(ct);
        var application = await LoadForWriteAsync(applicationId, ct);
        if (body.ReviewId is { } reviewId && !await db.RemedyCases.AnyAsync(c => c.Id == reviewId && c.ApplicationId == application.Id && c.Kind == RemedyKind.Review, ct))
            throw new DomainValueException("所关联的行政复议案件不存在，或不是针对本申请的");

        var context = await ContextAsync(ct);
        var remedy = new RemedyCase(application, kind, filedOn, body.Authority, body.CaseNumber, body.ReviewId, context);
        if (result != RemedyResult.Pending || decidedOn is not null) remedy.Decide(result, decidedOn, context);
        db.RemedyCases.Add(remedy);
        await db.SaveChangesAsync(ct);
        return remedy;
    }

    /// <summary>Records (or corrects) the result of a case.</summary>
    public async Task<RemedyCase> DecideRemedyAsync(long id, bool lawsuit, DecisionRequest body, CancellationToken ct)
    {
        var remedy = await db.RemedyCases.FirstOrDefaultAsync(c => c.Id == id && (c.Kind == RemedyKind.Review) != lawsuit, ct);
        if (remedy is null || !scope.CanRead(remedy.DepartmentId)) throw new NotFoundException($"没有编号为 {id} 的案件。");
        scope.EnsureCanWrite(remedy.DepartmentId);
        var errors = new FieldErrors();
        var result = RemedyResult.Pending;
        if (string.IsNullOrWhiteSpace(body.Result)) errors.Add("result", "请选择结果");
        else if (!RemedyNames.TryParseResult(body.Result, out result))
            errors.Add("result", "结果应为 维持、纠正、其他 或 尚未审结（upheld、corrected、other、pending）");
        var decidedOn = errors.OptionalDate("decidedOn", body.DecidedOn, "审结日期");
        errors.ThrowIfAny();
        remedy.Decide(result, decidedOn, await ContextAsync(ct));
        await db.SaveChangesAsync(ct);
        return remedy;
    }
}

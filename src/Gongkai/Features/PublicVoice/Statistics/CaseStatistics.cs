using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Cases;
using Gongkai.Features.Accounts;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.PublicVoice.Statistics;

/// <summary>
/// Whose cases a statistic counts. <see cref="AllOf"/>: every case of those kinds;
/// <see cref="OwnOf"/>: only those led by <see cref="DepartmentId"/> (a department sees its own figures).
/// </summary>
public sealed record StatsScope(IReadOnlyList<CaseKind> AllOf, IReadOnlyList<CaseKind> OwnOf, int? DepartmentId, string Name)
{
    /// <summary>The portal: opinions and suggestions of the whole district. Complaints are never public.</summary>
    public static readonly StatsScope Public = new([CaseKind.Opinion, CaseKind.Suggestion], [], null, "全区");

    public IEnumerable<CaseKind> Kinds => AllOf.Concat(OwnOf).Distinct().Order();
}

/// <summary>
/// The figures of supervision (督办) per year: received per month, and received, closed, closing
/// rate, on-time rate, average working days to answer and satisfaction, in total, per lead
/// department and per kind. Counted in the database with two GROUP BY queries over the indexed
/// receipt date (never one row per case in memory); the same on SQLite and PostgreSQL.
/// Who counts is <see cref="CaseActor"/>'s rule: the supervision staff alone count complaints;
/// the office and supervisors the district's opinions and suggestions; a department its own.
/// </summary>
public sealed class CaseStatistics(GongkaiDbContext db, TimeProvider clock)
{
    public const int FirstYear = 2000;

    /// <summary>The scope of a signed-in user for one kind or all the kinds they see.</summary>
    /// <exception cref="DepartmentScopeException">The user may not see that kind (or any).</exception>
    public async Task<StatsScope> ScopeOfAsync(CaseActor actor, CaseKind? kind, CancellationToken ct)
    {
        var kinds = kind is { } k ? [k] : Enum.GetValues<CaseKind>().Where(actor.SeesKind).ToList();
        if (kinds.Count == 0 || !kinds.All(actor.SeesKind))
            throw new DepartmentScopeException(kind == CaseKind.Complaint ? "只有效能监察员可以查看效能投诉的统计" : "您的账号无权查看该类事项的统计");
        var all = kinds.Where(actor.ReadsAllOf).ToList();
        var own = kinds.Where(x => !actor.ReadsAllOf(x)).ToList();
        var name = "全区";
        if (own.Count > 0 && actor.DepartmentId is { } d)
            name = await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "本部门";
        return new StatsScope(all, own, actor.DepartmentId, name);
    }

    /// <summary>Parses the year and kind of a request; a bad one gives a Chinese message per field.</summary>
    public (int Year, CaseKind? Kind) Parse(string? year, string? kind)
    {
        var errors = new Applications.FieldErrors();
        var thisYear = ChinaTime.Today(clock).Year;
        var y = thisYear;
        if (!string.IsNullOrWhiteSpace(year)
            && (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < FirstYear || y > thisYear))
            errors.Add("year", $"年份应为 {FirstYear} 到 {thisYear} 之间的四位数字");
        CaseKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (CaseCodes.TryParseKind(kind, out var parsed)) k = parsed;
            else errors.Add("kind", "事项类型应为 opinion（民生民意）、complaint（效能投诉）或 suggestion（监督员建议）");
        }
        errors.ThrowIfAny();
        return (y, k);
    }

    public async Task<CaseStats> ComputeAsync(StatsScope scope, int year, CaseKind? kind, CancellationToken ct)
    {
        var jan1 = new DateOnly(year, 1, 1);
        var dec31 = new DateOnly(year, 12, 31);
        var all = scope.AllOf.Where(k => kind is null || k == kind).ToList();
        var own = scope.OwnOf.Where(k => kind is null || k == kind).ToList();
        var dept = scope.DepartmentId;
        // A duplicate merged into another case is counted once, as the case it was merged into.
        var cases = db.Cases.AsNoTracking()
            .Where(c => c.ReceivedOn >= jan1 && c.ReceivedOn <= dec31 && c.Status != CaseStatus.Merged)
            .Where(c => all.Contains(c.Kind) || (dept != null && own.Contains(c.Kind) && c.DepartmentId == dept));

        var monthly = new int[12];
        foreach (var m in await cases.GroupBy(c => c.ReceivedOn.Month).Select(g => new { Month = g.Key, N = g.Count() }).ToListAsync(ct))
            monthly[m.Month - 1] = m.N;

        var rows = (await cases.GroupBy(c => new { c.Kind, c.DepartmentId })
            .Select(g => new
            {
                g.Key.Kind,
                g.Key.DepartmentId,
                Received = g.Count(),
                Closed = g.Count(c => c.Status == CaseStatus.Answered || c.Status == CaseStatus.Closed),
                Answered = g.Count(c => c.AnsweredOnTime != null),
                OnTime = g.Count(c => c.AnsweredOnTime == true),
                Days = g.Sum(c => c.AnswerWorkingDays ?? 0),
                Rated = g.Count(c => c.Rating != null),
                Satisfied = g.Count(c => c.Rating == CaseRating.Satisfied || c.Rating == CaseRating.FairlySatisfied),
            })
            .ToListAsync(ct))
            .Select(r => new Tally(r.Kind, r.DepartmentId, r.Received, r.Closed, r.Answered, r.OnTime, r.Days, r.Rated, r.Satisfied))
            .ToList();

        var ids = rows.Where(r => r.DepartmentId != null).Select(r => r.DepartmentId!.Value).Distinct().ToList();
        var names = await db.Departments.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), ct);
        var departments = rows
            .GroupBy(r => r.DepartmentId is { } id ? id.ToString(CultureInfo.InvariantCulture) : r.Kind == CaseKind.Complaint ? "office" : "none")
            .Select(g =>
            {
                var first = g.First();
                var (code, name) = first.DepartmentId is { } id && names.TryGetValue(id, out var n) ? (n.Code, n.Name)
                    // Complaints are investigated by the office's supervision staff, never by a department (docs/public-voice.md).
                    : first.Kind == CaseKind.Complaint ? ((string?)null, "公开办（效能监察）") : (null, "未分办");
                return new DepartmentFigures(code, name, Figures(g));
            })
            .OrderByDescending(d => d.Figures.Received).ThenBy(d => d.Code is null).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var kinds = (kind is { } only ? [only] : scope.Kinds)
            .Select(k => new KindFigures(k.Code(), k.ToChinese(), Figures(rows.Where(r => r.Kind == k))))
            .ToList();
        return new CaseStats(year, kind?.Code(), [.. (kind is { } one ? [one] : scope.Kinds).Select(k => k.Code())], scope.Name,
            monthly, Figures(rows), departments, kinds);
    }

    private static CaseFigures Figures(IEnumerable<Tally> tallies)
    {
        var t = tallies.ToList();
        int Sum(Func<Tally, int> f) => t.Sum(f);
        var received = Sum(x => x.Received);
        var closed = Sum(x => x.Closed);
        var answered = Sum(x => x.Answered);
        var onTime = Sum(x => x.OnTime);
        var rated = Sum(x => x.Rated);
        var satisfied = Sum(x => x.Satisfied);
        var days = t.Sum(x => (long)x.Days);
        return new CaseFigures(received, closed, Percent(closed, received), answered, onTime, Percent(onTime, answered),
            answered == 0 ? null : Math.Round((double)days / answered, 1, MidpointRounding.AwayFromZero),
            rated, satisfied, Percent(satisfied, rated));
    }

    private static double? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero);

    private sealed record Tally(CaseKind Kind, int? DepartmentId, int Received, int Closed, int Answered, int OnTime, int Days, int Rated, int Satisfied);
}

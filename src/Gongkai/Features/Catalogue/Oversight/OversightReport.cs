using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Calendar;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Oversight;

/// <summary>空白 (nothing published) or 未更新 (newest item older than the column allows).</summary>
public enum ColumnStatus { Ok, Empty, Stale }

/// <summary>A column a department must publish in, and how it stands.</summary>
public sealed record ColumnCheck(string Code, string Name, string Basis, bool RequiredOfEveryone, int Published, DateOnly? Newest, int StaleAfterDays, ColumnStatus Status)
{
    public string StatusName => Status switch { ColumnStatus.Empty => "空白", ColumnStatus.Stale => "未及时更新", _ => "正常" };
}

/// <summary>An item over the 第二十六条 limit: published late, or not yet published and already over it.</summary>
public sealed record TimelinessCheck(long Id, string Title, ItemState State, DateOnly WrittenOn, DateOnly CountedTo, int WorkingDays, int DepartmentId);

public sealed record DepartmentSummary(int Id, string Code, string Name, OrgUnitKind Kind, int SortOrder, int Columns, int Empty, int Stale, int Late, int AtRisk)
{
    public int Problems => Empty + Stale + Late + AtRisk;
}

public sealed record DepartmentReport(DepartmentSummary Summary, IReadOnlyList<ColumnCheck> Columns, IReadOnlyList<TimelinessCheck> Late, IReadOnlyList<TimelinessCheck> AtRisk);

/// <summary>
/// Completeness (each department's required columns: empty or stale) and timeliness
/// (《条例》第二十六条: published within <see cref="CatalogueOptions.TimelinessWorkingDays"/> working days
/// of 成文日期, counted by the calendar in force) for the office's and the departments' views.
/// Read-only; the caller decides who may see which department.
/// </summary>
public sealed class OversightReport(GongkaiDbContext db, CalendarService calendars, IOptions<CatalogueOptions> options, TimeProvider clock)
{
    private sealed record Dept(int Id, string Code, string Name, OrgUnitKind Kind, int SortOrder);
    private sealed record Column(int Id, string Code, string Name, string Basis, int? ParentId, int SortOrder, bool IsActive, bool Required, int StaleAfterDays);
    private sealed record Newest(int DepartmentId, int CategoryId, int Count, DateOnly? Latest);

    public int Limit => options.Value.TimelinessWorkingDays;
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Every active body, in the order of the department list.</summary>
    /// <param name="year">Count late items published in this year only; null for all years.</param>
    public async Task<List<DepartmentSummary>> SummariesAsync(int? year, CancellationToken ct)
    {
        var departments = await DepartmentsAsync(null, ct);
        var columns = await ColumnsAsync(null, ct);
        var (late, atRisk) = await TimelinessAsync(null, year, ct);
        return departments.Select(d => Summarise(d, columns.GetValueOrDefault(d.Id) ?? [], late, atRisk)).ToList();
    }

    public async Task<DepartmentReport?> ForDepartmentAsync(int departmentId, int? year, CancellationToken ct)
    {
        var department = (await DepartmentsAsync(departmentId, ct)).SingleOrDefault();
        if (department is null) return null;
        var columns = (await ColumnsAsync(departmentId, ct)).GetValueOrDefault(departmentId) ?? [];
        var (late, atRisk) = await TimelinessAsync(departmentId, year, ct);
        return new DepartmentReport(Summarise(department, columns, late, atRisk), columns, late, atRisk);
    }

    private static DepartmentSummary Summarise(Dept d, List<ColumnCheck> columns, List<TimelinessCheck> late, List<TimelinessCheck> atRisk) =>
        new(d.Id, d.Code, d.Name, d.Kind, d.SortOrder, columns.Count,
            columns.Count(c => c.Status == ColumnStatus.Empty), columns.Count(c => c.Status == ColumnStatus.Stale),
            late.Count(i => i.DepartmentId == d.Id), atRisk.Count(i => i.DepartmentId == d.Id));

    private Task<List<Dept>> DepartmentsAsync(int? id, CancellationToken ct)
    {
        var query = db.Departments.AsNoTracking().Where(d => d.IsActive);
        if (id is not null) query = query.Where(d => d.Id == id);
        return query.OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new Dept(d.Id, d.Code, d.Name, d.Kind, d.SortOrder)).ToListAsync(ct);
    }

    /// <summary>Per department: the columns every body must publish in, plus the ones it is responsible for.</summary>
    private async Task<Dictionary<int, List<ColumnCheck>>> ColumnsAsync(int? departmentId, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking()
            .Select(c => new Column(c.Id, c.Code, c.Name, c.Basis, c.ParentId, c.SortOrder, c.IsActive, c.RequiredOfEveryDepartment, c.StaleAfterDays))
            .ToListAsync(ct);
        var duties = db.DepartmentCategoryDuties.AsNoTracking();
        var published = db.Items.AsNoTracking().Where(i => i.State == ItemState.Published);
        var departments = db.Departments.AsNoTracking().Where(d => d.IsActive);
        if (departmentId is not null)
        {
            duties = duties.Where(d => d.DepartmentId == departmentId);
            published = published.Where(i => i.DepartmentId == departmentId);
            departments = departments.Where(d => d.Id == departmentId);
        }
        var dutyPairs = await duties.Select(d => new { d.DepartmentId, d.CategoryId }).ToListAsync(ct);
        var newest = await published.GroupBy(i => new { i.DepartmentId, i.CategoryId })
            .Select(g => new Newest(g.Key.DepartmentId, g.Key.CategoryId, g.Count(), g.Max(i => i.PublishedOn)))
            .ToListAsync(ct);
        var departmentIds = await departments.Select(d => d.Id).ToListAsync(ct);

        // An item filed in a sub-column counts for the column above it (the office may split a column).
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value, c => c.Id);
        var subtree = new Dictionary<int, HashSet<int>>();
        HashSet<int> Subtree(int id)
        {
            if (subtree.TryGetValue(id, out var known)) return known;
            var set = new HashSet<int> { id };
            var stack = new Stack<int>(children[id]);
            while (stack.TryPop(out var next))
                if (set.Add(next)) foreach (var c in children[next]) stack.Push(c);
            return subtree[id] = set;
        }

        var active = all.Where(c => c.IsActive).ToDictionary(c => c.Id);
        var required = active.Values.Where(c => c.Required).ToList();
        var dutiesOf = dutyPairs.ToLookup(p => p.DepartmentId, p => p.CategoryId);
        var newestOf = newest.ToLookup(n => n.DepartmentId);
        var today = Today;
        var result = new Dictionary<int, List<ColumnCheck>>();
        foreach (var department in departmentIds)
        {
            var own = newestOf[department].ToList();
            var columns = required.Select(c => c.Id)
                .Concat(dutiesOf[department].Where(active.ContainsKey))
                .Distinct()
                .Select(id => active[id])
                .OrderBy(c => c.SortOrder)
                .Select(c =>
                {
                    var ids = Subtree(c.Id);
                    var rows = own.Where(n => ids.Contains(n.CategoryId)).ToList();
                    var latest = rows.Max(n => n.Latest);
                    var status = rows.Count == 0 ? ColumnStatus.Empty
                        : c.StaleAfterDays > 0 && latest is { } l && today.DayNumber - l.DayNumber > c.StaleAfterDays ? ColumnStatus.Stale
                        : ColumnStatus.Ok;
                    return new ColumnCheck(c.Code, c.Name, c.Basis, c.Required, rows.Sum(n => n.Count), latest, c.StaleAfterDays, status);
                })
                .ToList();
            result[department] = columns;
        }
        return result;
    }

    /// <summary>
    /// Late: published, and more working days from 成文日期 (not counted) to 发布日期 than the limit.
    /// At risk: not yet published and already over the limit today (or, when scheduled, on the day it
    /// is due to go out).
    /// </summary>
    private async Task<(List<TimelinessCheck> Late, List<TimelinessCheck> AtRisk)> TimelinessAsync(int? departmentId, int? year, CancellationToken ct)
    {
        var limit = Limit;
        var today = Today;
        var calendar = await calendars.GetAsync(ct);

        // Working days never outnumber calendar days, so only items that waited more calendar days
        // than the limit can be over it: the database narrows, the calendar decides.
        var published = db.Items.AsNoTracking()
            .Where(i => i.State == ItemState.Published && i.PublishedOn != null && i.PublishedOn > i.WrittenOn.AddDays(limit));
        var cutoff = today.AddDays(-limit);
        var pending = db.Items.AsNoTracking()
            .Where(i => ((i.State == ItemState.Draft || i.State == ItemState.Submitted || i.State == ItemState.Returned) && i.WrittenOn < cutoff)
                || i.State == ItemState.Scheduled);
        if (departmentId is not null)
        {
            published = published.Where(i => i.DepartmentId == departmentId);
            pending = pending.Where(i => i.DepartmentId == departmentId);
        }
        if (year is not null)
        {
            var from = new DateOnly(year.Value, 1, 1);
            var to = new DateOnly(year.Value, 12, 31);
            published = published.Where(i => i.PublishedOn >= from && i.PublishedOn <= to);
        }

        var late = (await published.Select(i => new { i.Id, i.Title, i.State, i.WrittenOn, To = i.PublishedOn!.Value, i.DepartmentId }).ToListAsync(ct))
            .Select(i => new TimelinessCheck(i.Id, i.Title, i.State, i.WrittenOn, i.To, calendar.CountWorkingDays(i.WrittenOn, i.To), i.DepartmentId))
            .Where(i => i.WorkingDays > limit)
            .OrderByDescending(i => i.WorkingDays).ThenBy(i => i.Id)
            .ToList();
        var atRisk = (await pending.Select(i => new { i.Id, i.Title, i.State, i.WrittenOn, i.ScheduledFor, i.DepartmentId }).ToListAsync(ct))
            .Select(i =>
            {
                var to = i.ScheduledFor is { } at && ChinaTime.DateOf(at) > today ? ChinaTime.DateOf(at) : today;
                return new TimelinessCheck(i.Id, i.Title, i.State, i.WrittenOn, to, calendar.CountWorkingDays(i.WrittenOn, to), i.DepartmentId);
            })
            .Where(i => i.WorkingDays > limit)
            .OrderByDescending(i => i.WorkingDays).ThenBy(i => i.Id)
            .ToList();
        return (late, atRisk);
    }
}

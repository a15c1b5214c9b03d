using Gongkai.Data;
using Gongkai.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>
/// Departments, catalogue columns and themes by id: a few hundred rows, read once per request so
/// that streaming a million items needs no join per row.
/// </summary>
internal sealed class CatalogueLookups
{
    public sealed record Body(int Id, string Code, string Name, OrgUnitKind Kind, bool IsActive, int SortOrder);
    public sealed record Column(int Id, string Code, string Name, int? ParentId, bool IsActive, int SortOrder);

    private readonly Dictionary<int, Body> _departments;
    private readonly Dictionary<int, Column> _categories;
    private readonly Dictionary<int, string> _themes;

    private CatalogueLookups(List<Body> departments, List<Column> categories, Dictionary<int, string> themes)
    {
        _departments = departments.ToDictionary(d => d.Id);
        _categories = categories.ToDictionary(c => c.Id);
        _themes = themes;
    }

    public static async Task<CatalogueLookups> LoadAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking()
            .Select(d => new Body(d.Id, d.Code, d.Name, d.Kind, d.IsActive, d.SortOrder)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new Column(c.Id, c.Code, c.Name, c.ParentId, c.IsActive, c.SortOrder)).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().Select(t => new { t.Id, t.Name, t.ParentId }).ToListAsync(ct);
        var themeNames = themes.ToDictionary(t => t.Id, t => t.Name);
        // 主题分类 is two levels; written "一级\二级" as on gov.cn item pages (regulation.md §3.2).
        var paths = themes.ToDictionary(t => t.Id,
            t => t.ParentId is { } p && themeNames.TryGetValue(p, out var parent) ? parent + "\\" + t.Name : t.Name);
        return new CatalogueLookups(departments, categories, paths);
    }

    /// <summary>Every department, active or not (items of a closed one stay published under its name).</summary>
    public IEnumerable<Body> Departments => _departments.Values;

    /// <summary>Every column of the catalogue tree, active or not.</summary>
    public IEnumerable<Column> Categories => _categories.Values;

    public Body? Department(int id) => _departments.GetValueOrDefault(id);

    public Body? DepartmentByCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : _departments.Values.FirstOrDefault(d => d.Code == code.Trim().ToLowerInvariant());

    public Column? Category(int id) => _categories.GetValueOrDefault(id);

    public Column? CategoryByCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : _categories.Values.FirstOrDefault(c => c.Code == code.Trim());

    public string? Theme(int? id) => id is { } t ? _themes.GetValueOrDefault(t) : null;

    /// <summary>A column and all the columns under it, at any depth (the office may nest the tree further).</summary>
    public int[] Subtree(int categoryId)
    {
        var result = new List<int> { categoryId };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(_categories.Values.Where(c => c.ParentId == result[i] && !result.Contains(c.Id)).Select(c => c.Id));
        return [.. result];
    }

    public bool HasChildren(int categoryId) => _categories.Values.Any(c => c.ParentId == categoryId);

    /// <summary>The district government's name, for feed titles; the portal's generic name when none is recorded.</summary>
    public string SiteName =>
        _departments.Values.Where(d => d.Kind == OrgUnitKind.Government && d.IsActive).OrderBy(d => d.Id).Select(d => d.Name).FirstOrDefault() ?? "政务公开";
}

using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>An option of a select; Depth indents it under its parent.</summary>
public sealed record Choice(string Value, string Text, int Depth = 0)
{
    /// <summary>Full-width spaces: a select cannot be styled, and they survive every browser and screen reader.</summary>
    public string Indented => new string('　', Depth * 2) + Text;
}

/// <summary>The lists the item form chooses from: departments, the catalogue tree, the two-level themes, document kinds.</summary>
public static class ItemChoices
{
    public static readonly IReadOnlyList<Choice> Kinds =
        Enum.GetValues<DocumentKind>().Select(k => new Choice(k.ToString(), k.ToChinese())).ToList();

    public static async Task<List<Choice>> DepartmentsAsync(GongkaiDbContext db, CancellationToken ct) =>
        await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new Choice(d.Code, d.Name, 0)).ToListAsync(ct);

    public static async Task<List<Choice>> CategoriesAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Where(c => c.IsActive)
            .Select(c => new { c.Id, c.ParentId, c.SortOrder, c.Code, c.Name, c.Basis }).ToListAsync(ct);
        // 第二十条 items are known by their number (“第二十条（七）”): show it before the name.
        return Tree(all.Select(c => new Node(c.Id, c.ParentId, c.SortOrder, c.Code,
            c.Basis.Contains('（') ? $"{c.Basis} {c.Name}" : c.Name)).ToList());
    }

    public static async Task<List<Choice>> ThemesAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var all = await db.Themes.AsNoTracking().Select(t => new Node(t.Id, t.ParentId, t.SortOrder, t.Code, t.Name)).ToListAsync(ct);
        return Tree(all);
    }

    private sealed record Node(int Id, int? ParentId, int SortOrder, string Code, string Name);

    private static List<Choice> Tree(List<Node> all)
    {
        var result = new List<Choice>();
        var children = all.ToLookup(n => n.ParentId);
        void Walk(int? parent, int depth)
        {
            foreach (var n in children[parent].OrderBy(n => n.SortOrder).ThenBy(n => n.Id))
            {
                result.Add(new Choice(n.Code, n.Name, depth));
                if (depth < 8) Walk(n.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }
}

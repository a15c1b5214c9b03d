using System.Text.Json;
using Gongkai.Data;
using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue.Admin;

/// <summary>Every saved version of an item (written before each revision of a published item), and one version's content.</summary>
public sealed class ItemVersionsModel(GongkaiDbContext db, DepartmentScope scope) : PageModel
{
    public sealed record Row(int Version, DateTime SavedAt, string SavedBy);

    /// <summary>A version as saved: the fields ItemWorkflow puts in the snapshot, codes resolved to names.</summary>
    public sealed record VersionContent(
        int Version, DateTime SavedAt, string SavedBy, string Title, string? DocumentNumber, string? WrittenOn, string? Category, string? Theme,
        string? Keywords, string? Summary, string? Kind, long? InterpretsItemId, string Body);

    [BindProperty(SupportsGet = true, Name = "v")] public int? Selected { get; set; }
    public long ItemId { get; private set; }
    public string Title { get; private set; } = "";
    public int CurrentVersion { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public VersionContent? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Title, i.DepartmentId, i.Version }).FirstOrDefaultAsync(ct);
        if (item is null || !scope.CanRead(item.DepartmentId)) return NotFound();
        (ItemId, Title, CurrentVersion) = (id, item.Title, item.Version);
        Rows = await db.ItemVersions.AsNoTracking().Where(v => v.ItemId == id).OrderByDescending(v => v.Version)
            .Select(v => new Row(v.Version, v.SavedAt, v.SavedBy)).ToListAsync(ct);
        if (Selected is { } selected)
        {
            var version = await db.ItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == id && v.Version == selected, ct);
            if (version is null) return NotFound();
            Shown = await ReadAsync(version, ct);
        }
        return Page();
    }

    private async Task<VersionContent> ReadAsync(ItemVersion v, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(v.Snapshot);
        var root = json.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        long? Number(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null;
        var categoryId = (int?)Number("CategoryId");
        var themeId = (int?)Number("ThemeId");
        var category = categoryId is null ? null : await db.Categories.Where(c => c.Id == categoryId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var theme = themeId is null ? null : await db.Themes.Where(t => t.Id == themeId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        var kind = Enum.TryParse<Domain.Publishing.DocumentKind>(Text("Kind"), out var k) ? Domain.Publishing.PublishingNames.ToChinese(k) : Text("Kind");
        return new VersionContent(v.Version, v.SavedAt, v.SavedBy, Text("Title") ?? "", Text("DocumentNumber"), Text("WrittenOn"), category, theme,
            Text("Keywords"), Text("Summary"), kind, Number("InterpretsItemId"),
            // Saved bodies were cleaned when saved; cleaned again so that a page never trusts stored HTML.
            HtmlBody.Clean(Text("Body") ?? ""));
    }
}

using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue;

public static class ItemQueries
{
    public static string Url(long id) => $"/items/{id}";

    public static async Task<ItemDetail?> DetailAsync(GongkaiDbContext db, long id, CancellationToken ct)
    {
        var row = await (
            from x in db.Items.AsNoTracking()
            where x.Id == id
            join d in db.Departments on x.DepartmentId equals d.Id
            join c in db.Categories on x.CategoryId equals c.Id
            join t in db.Themes on x.ThemeId equals t.Id into themes
            from t in themes.DefaultIfEmpty()
            select new { Item = x, DepartmentCode = d.Code, DepartmentName = d.Name, CategoryCode = c.Code, CategoryName = c.Name, ThemeCode = t == null ? null : t.Code, ThemeName = t == null ? null : t.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var i = row.Item;
        var interpretedBy = await db.Items.AsNoTracking()
            .Where(x => x.InterpretsItemId == id && x.State == ItemState.Published).Select(x => x.Id).ToArrayAsync(ct);
        var attachments = await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, $"/items/{id}/attachments/{a.Id}")).ToArrayAsync(ct);
        return new ItemDetail(
            i.Id, i.IndexNumber, i.Title, row.DepartmentCode, row.DepartmentName, i.DocumentNumber,
            Iso(i.WrittenOn), i.PublishedOn is { } p ? Iso(p) : null, row.CategoryCode, row.CategoryName, row.ThemeCode, row.ThemeName,
            i.Mode.ToChinese(), i.Validity.ToChinese(), i.ValidityChangedOn is { } v ? Iso(v) : null, i.Kind.ToString(),
            i.Keywords, i.Summary, i.Body, i.State.ToString(), i.Version, i.ViewCount, Url(i.Id), i.InterpretsItemId, interpretedBy, attachments);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

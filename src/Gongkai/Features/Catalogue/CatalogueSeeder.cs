using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Catalogue;

/// <summary>Creates the standard catalogue tree and the theme classification once (demo or not).</summary>
public sealed class CatalogueSeeder(GongkaiDbContext db)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (!await db.Categories.AnyAsync(ct))
        {
            var order = 0;
            var a20 = Root("a20", "第二十条 主动公开的政府信息", "第二十条", order++);
            var a21 = Root("a21", "第二十一条 区政府及其部门重点公开的信息", "第二十一条", order++);
            var jc = Root("jc", "基层政务公开标准目录", "国办发〔2019〕54号", order++);
            db.Categories.AddRange(a20, a21, jc);
            await db.SaveChangesAsync(ct);
            foreach (var (code, name, basis, required) in CatalogueReference.Article20)
                db.Categories.Add(new CatalogueCategory { Code = code, Name = name, Basis = basis, ParentId = a20.Id, SortOrder = order++, RequiredOfEveryDepartment = required, StaleAfterDays = required ? 365 : 0 });
            foreach (var (code, name) in CatalogueReference.Article21)
                db.Categories.Add(new CatalogueCategory { Code = code, Name = name, Basis = "第二十一条", ParentId = a21.Id, SortOrder = order++ });
            foreach (var (code, name) in CatalogueReference.Grassroots)
                db.Categories.Add(new CatalogueCategory { Code = code, Name = name, Basis = "国办发〔2019〕54号", ParentId = jc.Id, SortOrder = order++ });
            // The annual reports (第四十九条) have their own column, shown by the portal's 年报 page.
            db.Categories.Add(new CatalogueCategory { Code = AnnualReports.AnnualReportColumn.CategoryCode, Name = "政府信息公开工作年度报告", Basis = "第四十九条", SortOrder = order++ });
            await db.SaveChangesAsync(ct);
        }
        // The supervision staff's bulletins (通报, PublicVoice/Inspections/BulletinService) have their own
        // column; added to databases seeded before it existed too.
        if (!await db.Categories.AnyAsync(c => c.Code == PublicVoice.Inspections.BulletinService.CategoryCode, ct))
        {
            var last = await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
            db.Categories.Add(new CatalogueCategory { Code = PublicVoice.Inspections.BulletinService.CategoryCode, Name = PublicVoice.Inspections.BulletinService.CategoryName, Basis = "第二十条（十五）", SortOrder = last + 1 });
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Themes.AnyAsync(ct))
        {
            var order = 0;
            foreach (var (code, name, children) in CatalogueReference.Themes)
            {
                var parent = new ThemeCategory { Code = code, Name = name, SortOrder = order++ };
                db.Themes.Add(parent);
                await db.SaveChangesAsync(ct);
                var n = 1;
                foreach (var child in children)
                    db.Themes.Add(new ThemeCategory { Code = $"{code}-{n++:D2}", Name = child, ParentId = parent.Id, SortOrder = order++ });
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static CatalogueCategory Root(string code, string name, string basis, int order) =>
        new() { Code = code, Name = name, Basis = basis, SortOrder = order };
}

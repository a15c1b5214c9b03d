using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Catalogue.AnnualReports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Guide;

/// <summary>How to reach a body: what 第十二条 asks the guide to give for the disclosure office. Unknown values are "—".</summary>
public sealed record Contact(string Name, string Address, string OfficeHours, string Phone, string Fax, string Email);

/// <summary>A catalogue column with the number of items this body has published in it.</summary>
public sealed record GuideColumn(string Code, string Name, string Basis, int Count, GuideColumn[] Children)
{
    public int Total => Count + Children.Sum(c => c.Total);
}

/// <summary>
/// Everything the guide (政府信息公开指南, 《条例》第十二条) of one body shows, read from the records
/// that already exist: the body (第二十条（二）), the catalogue tree, the 索引号 template and the
/// district's disclosure office. Nothing in it is typed in twice, so it is as current as they are.
/// </summary>
public sealed record GuideContent(
    string Code, string Name, OrgUnitKind Kind, Contact Body, Contact Office, bool BodyIsOffice, string Supervisor,
    string ReviewAuthority, GuideColumn[] Columns, int Published, DateOnly? LatestPublishedOn,
    string IndexTemplate, string? IndexExample, string BaseUrl)
{
    /// <summary>The district's 政府信息公开工作机构: the government office ("zfb") when it exists, else the government ("gov").</summary>
    public static readonly string[] OfficeCodes = ["zfb", "gov"];

    public static async Task<GuideContent?> LoadAsync(
        GongkaiDbContext db, string code, string indexTemplate, string baseUrl, DateOnly today, CancellationToken ct)
    {
        code = (code ?? "").Trim().ToLowerInvariant();
        var body = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code && d.IsActive, ct);
        if (body is null) return null;

        var bodies = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && (OfficeCodes.Contains(d.Code) || d.Kind == OrgUnitKind.Government))
            .Select(d => new { d.Code, d.Name, d.Kind, d.Address, d.OfficeHours, d.Phone }).ToListAsync(ct);
        var office = OfficeCodes.Select(c => bodies.FirstOrDefault(b => b.Code == c)).FirstOrDefault(b => b is not null);
        var government = bodies.Where(b => b.Kind == OrgUnitKind.Government).Select(b => b.Name).FirstOrDefault() ?? "区人民政府";
        var officeContact = office is null
            ? new Contact("—", "—", "—", "—", "—", "—")
            : new Contact(office.Name, Known(office.Address), Known(office.OfficeHours), Known(office.Phone), "—", "—");

        var counts = await db.Items.AsNoTracking()
            .Where(i => i.State == ItemState.Published && i.DepartmentId == body.Id)
            .GroupBy(i => i.CategoryId).Select(g => new { g.Key, Count = g.Count(), Latest = g.Max(i => i.PublishedOn) })
            .ToListAsync(ct);
        var columns = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Name, c.Basis, c.ParentId }).ToListAsync(ct);
        GuideColumn[] Tree(int? parent) => columns.Where(c => c.ParentId == parent).Select(c => new GuideColumn(
            c.Code, c.Name, c.Basis, counts.Where(n => n.Key == c.Id).Sum(n => n.Count), Tree(c.Id))).ToArray();

        return new GuideContent(
            body.Code, body.Name, body.Kind,
            new Contact(body.Name, Known(body.Address), Known(body.OfficeHours), Known(body.Phone), "—", "—"),
            officeContact, office?.Code == body.Code, office?.Name ?? government,
            // 行政复议法 (2023) 第二十四条: the 县级 government hears cases against its departments,
            // streets and towns; a case against the government itself goes to the next level up.
            body.Kind == OrgUnitKind.Government ? "上一级人民政府" : government,
            Tree(null), counts.Sum(n => n.Count), counts.Max(n => n.Latest),
            indexTemplate, Example(indexTemplate, body.CreditCode, body.Code, today.Year), baseUrl.TrimEnd('/'));
    }

    private static string Known(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();

    /// <summary>This body's first 索引号 of the year under the configured template; none when the template is unusable.</summary>
    private static string? Example(string template, string creditCode, string code, int year)
    {
        try { return IndexNumberTemplate.Parse(template).Format(creditCode, code, year, 1); }
        catch (DomainException) { return null; }
    }

    /// <summary>What each placeholder of the 索引号 template stands for, in the order of the CatalogueOptions documentation.</summary>
    public string IndexTemplateExplanation
    {
        get
        {
            var parts = new List<string>();
            if (IndexTemplate.Contains("{统一社会信用代码}", StringComparison.Ordinal)) parts.Add("“统一社会信用代码”为发布机构的统一社会信用代码");
            if (IndexTemplate.Contains("{部门代码}", StringComparison.Ordinal)) parts.Add("“部门代码”为发布机构在本平台的代码");
            var yearly = IndexTemplate.Contains("{YYYY}", StringComparison.Ordinal);
            if (yearly) parts.Add("“YYYY”为发布年份");
            if (IndexTemplate.Contains("{N", StringComparison.Ordinal)) parts.Add("“N”为发布机构的顺序号" + (yearly ? "，每年从1起编" : ""));
            return string.Join("，", parts);
        }
    }

    // Links are relative (they work on any host name the portal is reached by); the text shows the
    // full address so that a printed guide still tells the reader where to go.
    public string FeedPath => $"/feeds/departments/{Code}.atom";
    public string JsonPath => $"/api/catalogue/items.json?department={Code}";
    public string CsvPath => $"/api/catalogue/items.csv?department={Code}";
    public string Absolute(string path) => BaseUrl + path;
    public string CatalogueUrl => $"/items?department={Code}";
    /// <summary>A column of this body in the catalogue; its annual reports on the 年报 page.</summary>
    public static string ColumnUrl(string column, string department) => column == AnnualReportColumn.CategoryCode
        ? AnnualReportColumn.Url(department)
        : $"/items?category={Uri.EscapeDataString(column)}&department={department}";
}

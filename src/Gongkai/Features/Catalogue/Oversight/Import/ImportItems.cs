using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Domain.Common;
using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Oversight.Import;

/// <summary>One row of the report: imported as a draft (with its id) or refused (with the reasons, in Chinese).</summary>
public sealed record ImportRowResult(int Row, bool Imported, string Title, long? Id, IReadOnlyList<string> Reasons)
{
    public string Result => Imported ? "已导入为草稿" : "未导入";
}

public sealed record ImportReport(string FileName, int Imported, int Refused, IReadOnlyList<ImportRowResult> Rows);

/// <summary>
/// Bulk import of items from XLSX or CSV. Each row goes through the same use case as one draft
/// created by hand (<see cref="ItemWorkflow.CreateAsync"/>: <see cref="ItemInputResolver"/>, the
/// caller's department scope, the audit log), in its own transaction: rows that pass are imported
/// as drafts, rows that fail are reported and leave nothing behind.
/// </summary>
public sealed partial class ImportItems(ItemWorkflow workflow, GongkaiDbContext db, IAuditActorAccessor actors, IOptions<OversightOptions> options)
{
    /// <summary>Who may import: those who may write drafts (supervisors only read).</summary>
    public static readonly string[] Roles = [StaffRoles.Editor, StaffRoles.Reviewer, StaffRoles.OfficeAdmin];

    public long MaxBytes => options.Value.MaxImportBytes;
    public int MaxRows => options.Value.MaxImportRows;

    /// <exception cref="ImportFileException">The file as a whole is refused.</exception>
    public async Task<ImportReport> ImportAsync(string fileName, Stream content, long length, CancellationToken ct)
    {
        if (length == 0) throw new ImportFileException(400, "文件是空的。");
        if (length > MaxBytes) throw new ImportFileException(413, $"文件超过 {MaxBytes / 1024.0 / 1024:0.#} MB，请分成几个文件导入。");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) throw new ImportFileException(413, $"文件超过 {MaxBytes / 1024.0 / 1024:0.#} MB，请分成几个文件导入。");

        var sheet = ItemSheetReader.Read(fileName, buffer.ToArray(), MaxRows);
        var columns = ImportColumns.MapHeaders(sheet.Headers);
        var results = new List<ImportRowResult>();
        foreach (var row in sheet.Rows)
        {
            if (row.IsBlank) continue;
            results.Add(await ImportRowAsync(row, columns, ct));
        }

        var report = new ImportReport(fileName, results.Count(r => r.Imported), results.Count(r => !r.Imported), results);
        db.RecordEvent(actors.Current ?? AuditActor.System, "ItemsImported", "DisclosureItem", "",
            new { file = fileName, imported = report.Imported, refused = report.Refused, ids = results.Where(r => r.Id is not null).Select(r => r.Id) });
        await db.SaveChangesAsync(ct);
        return report;
    }

    private async Task<ImportRowResult> ImportRowAsync(SheetRow row, Dictionary<string, int> columns, CancellationToken ct)
    {
        string? Cell(string field) => columns.TryGetValue(field, out var i) && i < row.Cells.Count ? Text(row.Cells[i]) : null;
        var title = Cell("title") ?? "";
        var department = Cell("department");
        var input = new ItemInput(title, department, DateText(columns.TryGetValue("writtenOn", out var w) && w < row.Cells.Count ? row.Cells[w] : null),
            Cell("category"), Cell("documentNumber"), Cell("theme"), Cell("keywords"), Cell("summary"), Body(Cell("body")));
        try
        {
            var item = await workflow.CreateAsync(input, ct);
            return new ImportRowResult(row.Number, true, title, item.Id, []);
        }
        catch (InputException e)
        {
            return Refused(row, title, e.Errors.OrderBy(kv => ImportColumns.OrderOf(kv.Key))
                .Select(kv => $"{ImportColumns.HeaderOf(kv.Key)}：{string.Join("；", kv.Value)}"));
        }
        catch (DepartmentScopeException)
        {
            return Refused(row, title, [$"发布机构代码：只能导入本部门的信息，无权为“{department}”导入"]);
        }
        catch (DomainException e)
        {
            return Refused(row, title, [e.Message]);
        }
        catch (DbUpdateException)
        {
            // Nothing of the row was saved (one transaction); forget it so the next row starts clean.
            db.ChangeTracker.Clear();
            return Refused(row, title, ["保存失败，请稍后重试该行"]);
        }
    }

    private static ImportRowResult Refused(SheetRow row, string title, IEnumerable<string> reasons) =>
        new(row.Number, false, title, null, reasons.ToList());

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim(),
    };

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$")]
    private static partial Regex LooseDate();

    /// <summary>
    /// 成文日期 as the resolver wants it (YYYY-MM-DD): Excel date cells, Excel serial numbers and the
    /// usual written forms are accepted; anything else goes through as typed and is refused by name.
    /// </summary>
    private static string? DateText(object? cell)
    {
        switch (cell)
        {
            case DateTime d:
                return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case double serial when serial is >= 1 and < 2958466:
                return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var text = Text(cell);
        if (text is null) return null;
        var m = LooseDate().Match(text);
        if (m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var y) && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var mo)
            && int.TryParse(m.Groups[3].Value, CultureInfo.InvariantCulture, out var day) && mo is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), mo))
            return new DateOnly(y, mo, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>Plain text (no tags) becomes one paragraph per line; HTML is kept for the sanitiser.</summary>
    private static string? Body(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('<', StringComparison.Ordinal)) return text;
        var paragraphs = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gongkai.Features.Catalogue.Feeds;

/// <summary>
/// The whole 政府信息公开目录 as data (《条例》第十二条): every published item as JSON (English field
/// names, the mapping to the Chinese ones in the document itself) or CSV (Chinese headers, UTF-8
/// with BOM so that Excel reads it, RFC 4180 quoting). Both stream from the database in batches,
/// so a district with a million items costs one batch of memory.
/// </summary>
public static class CatalogueExport
{
    private const string FilterHelp = "可选筛选参数：department（机构代码）、category（目录代码，含下级栏目）、year（发布年份）。";

    public static void MapCatalogueExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue").WithTags("订阅与导出");
        group.MapGet("/items.json", Json).WithSummary("政府信息公开目录（JSON）")
            .WithDescription("全部已发布信息，按编号顺序。fields 给出英文字段名与中文名称的对应关系：" + Mapping() + "。" + FilterHelp);
        group.MapGet("/items.csv", Csv).WithSummary("政府信息公开目录（CSV，UTF-8 带 BOM，可直接用 Excel 打开）")
            .WithDescription("列：" + string.Join("、", CatalogueFields.All.Select(f => f.Label)) + "。" + FilterHelp);
    }

    private static string Mapping() => string.Join("，", CatalogueFields.All.Concat(CatalogueFields.JsonOnly).Select(f => $"{f.Name}={f.Label}"));

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> Json(
        string? department, string? category, string? year, GongkaiDbContext db, PublicUrls urls,
        IOptions<FeedsOptions> options, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var lookups = await CatalogueLookups.LoadAsync(db, ct);
        var (filter, errors) = ParseFilter(department, category, year, lookups);
        if (filter is null) return Problems.Validation(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Stream(async stream =>
        {
            // Chinese and "+" unescaped, for people who open the file; it is served as application/json
            // with nosniff and never inlined into a page, so the HTML-sensitive characters need no escaping.
            await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("generatedAt", FeedFormat.Instant(now));
            json.WriteStartObject("fields");
            foreach (var f in CatalogueFields.All.Concat(CatalogueFields.JsonOnly)) json.WriteString(f.Name, f.Label);
            json.WriteEndObject();
            json.WriteStartArray("items");
            await foreach (var batch in PublishedItems.BatchesAsync(db, filter, BatchSize(options), ct))
            {
                foreach (var entry in batch)
                {
                    var row = CatalogueRow.From(entry, lookups, urls);
                    json.WriteStartObject();
                    json.WriteNumber("id", row.Id);
                    foreach (var f in CatalogueFields.All.Concat(CatalogueFields.JsonOnly))
                    {
                        if (f.Value(row) is { } value) json.WriteString(f.Name, value);
                        else json.WriteNull(f.Name);
                    }
                    json.WriteEndObject();
                }
                await json.FlushAsync(ct);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }, "application/json; charset=utf-8");
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> Csv(
        string? department, string? category, string? year, GongkaiDbContext db, PublicUrls urls,
        IOptions<FeedsOptions> options, HttpContext http)
    {
        var ct = http.RequestAborted;
        var lookups = await CatalogueLookups.LoadAsync(db, ct);
        var (filter, errors) = ParseFilter(department, category, year, lookups);
        if (filter is null) return Problems.Validation(errors);
        return TypedResults.Stream(async stream =>
        {
            // Excel takes a CSV without a byte-order mark for the local code page (GBK) and garbles Chinese.
            await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            var record = new StringBuilder();
            CsvRecord.Append(record, CatalogueFields.All.Select(f => f.Label));
            await foreach (var batch in PublishedItems.BatchesAsync(db, filter, BatchSize(options), ct))
            {
                foreach (var entry in batch)
                {
                    var row = CatalogueRow.From(entry, lookups, urls);
                    CsvRecord.Append(record, CatalogueFields.All.Select(f => f.Value(row)));
                }
                await writer.WriteAsync(record, ct);
                await writer.FlushAsync(ct);
                record.Clear();
            }
            await writer.WriteAsync(record, ct);
            await writer.FlushAsync(ct);
        }, "text/csv; charset=utf-8; header=present", "政府信息公开目录.csv");
    }

    private static int BatchSize(IOptions<FeedsOptions> options) => Math.Clamp(options.Value.BatchSize, 1, 10_000);

    /// <summary>The filter, or every bad parameter named (400 ValidationProblem).</summary>
    internal static (ItemFilter? Filter, Dictionary<string, string[]> Errors) ParseFilter(
        string? department, string? category, string? year, CatalogueLookups lookups)
    {
        var errors = new Dictionary<string, string[]>();
        var body = lookups.DepartmentByCode(department);
        if (!string.IsNullOrWhiteSpace(department) && body is null) errors["department"] = [$"没有代码为“{department}”的机构"];
        var column = lookups.CategoryByCode(category);
        if (!string.IsNullOrWhiteSpace(category) && column is null) errors["category"] = [$"没有代码为“{category}”的目录栏目"];
        int? y = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1949 and <= 2100) y = v;
            else errors["year"] = ["年份应为1949至2100之间的四位数字"];
        }
        if (errors.Count > 0) return (null, errors);
        return (new ItemFilter(body?.Id, column is null ? null : lookups.Subtree(column.Id), y), errors);
    }
}

/// <summary>RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a quote or a line break is quoted, quotes doubled.</summary>
internal static class CsvRecord
{
    public static void Append(StringBuilder line, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) line.Append(',');
            first = false;
            var value = field ?? "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) line.Append(value);
            else line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        line.Append("\r\n");
    }
}

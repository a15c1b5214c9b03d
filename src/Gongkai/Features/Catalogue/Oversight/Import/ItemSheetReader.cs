using System.Text;
using MiniExcelLibs;

namespace Gongkai.Features.Catalogue.Oversight.Import;

/// <summary>A data row and its number as the spreadsheet shows it (the header is row 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<object?> Cells)
{
    public bool IsBlank => Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));
}

public sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Reads the first sheet of an XLSX workbook (MiniExcel) or a CSV file into rows. CSV comes in
/// UTF-8 (with or without BOM) or, as Chinese Excel saves it, GB18030: bytes that are not valid
/// UTF-8 are read as GB18030. XLSX cells keep their type (dates stay dates).
/// </summary>
public static class ItemSheetReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936); // GB18030, a superset of GBK and GB2312
    });

    public static Sheet Read(string fileName, byte[] content, int maxRows)
    {
        if (content.Length == 0) throw new ImportFileException(400, "文件是空的。");
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var zip = content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        var oldExcel = content.Length >= 4 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0;
        if (extension is ".xls" || oldExcel)
            throw new ImportFileException(415, "不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后导入。");
        if (extension == "" && zip) extension = ".xlsx";
        if (extension == "") extension = ".csv";
        var rows = extension switch
        {
            ".xlsx" when zip => ReadXlsx(content, maxRows),
            ".xlsx" => throw new ImportFileException(415, "该文件不是有效的 XLSX 工作簿。"),
            ".csv" when zip => throw new ImportFileException(415, "该文件是压缩文件（可能是 XLSX 工作簿），不是 CSV 文本；如是 Excel 工作簿请使用 .xlsx 扩展名。"),
            ".csv" => ReadCsv(content, maxRows),
            _ => throw new ImportFileException(415, $"不支持“{extension}”文件，只能导入 .xlsx 或 .csv 文件。"),
        };
        if (rows.Count == 0 || rows[0].All(c => string.IsNullOrWhiteSpace(c as string)))
            throw new ImportFileException(400, "文件是空的（第一行应为列名）。");
        var headers = rows[0].Select(c => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        var data = rows.Skip(1).Select((cells, i) => new SheetRow(i + 2, cells)).ToList();
        while (data.Count > 0 && data[^1].IsBlank) data.RemoveAt(data.Count - 1);
        if (data.Count == 0) throw new ImportFileException(400, "文件中只有表头，没有数据行。");
        return new Sheet(headers, data);
    }

    private static List<IReadOnlyList<object?>> ReadXlsx(byte[] content, int maxRows)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var rows = new List<IReadOnlyList<object?>>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                // Keys are column letters (A, B, … AA); order them as the sheet does.
                rows.Add(row.OrderBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList());
                if (rows.Count > maxRows + 1) throw TooManyRows(maxRows);
            }
            return rows;
        }
        catch (Exception e) when (e is not (ImportFileException or OutOfMemoryException))
        {
            // A damaged archive or foreign XML fails in many ways inside the library; all mean the same to the user.
            throw new ImportFileException(400, "无法读取该 XLSX 文件，文件可能已损坏或不是 Excel 工作簿。");
        }
    }

    private static List<IReadOnlyList<object?>> ReadCsv(byte[] content, int maxRows)
    {
        var text = Decode(content);
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new ImportFileException(415, "该文件不是 CSV 文本文件。");
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        // Excel's "Unicode text" is tab-separated; everything else here is comma-separated.
        var separator = firstLine.Contains('\t') && !firstLine.Contains(',') ? '\t' : ',';
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var record in Csv.Parse(text, separator))
        {
            rows.Add(record);
            if (rows.Count > maxRows + 1) throw TooManyRows(maxRows);
        }
        return rows;
    }

    /// <summary>UTF-8 (BOM or not), UTF-16 with a BOM, otherwise GB18030.</summary>
    internal static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..]) return StrictUtf8.GetString(content, 3, content.Length - 3);
        if (content is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (content is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.Value.GetString(content);
        }
    }

    private static ImportFileException TooManyRows(int maxRows) =>
        new(413, $"文件超过 {maxRows} 行数据，请分成几个文件导入。");
}

using System.Net.Http.Headers;
using System.Text;
using Gongkai.Tests.Infrastructure;
using MiniExcelLibs;

namespace Gongkai.Tests.Catalogue.Oversight;

/// <summary>Real import files (XLSX written by MiniExcel, CSV in UTF-8 or GB18030) and the ways to send them.</summary>
internal static class ImportFiles
{
    public static readonly string[] Headers = ["标题", "发布机构代码", "成文日期", "目录分类代码", "文号", "主题分类代码", "关键词", "内容概述", "正文"];

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    public static object?[] Row(string title, string department, object? writtenOn = null, string category = "jc-ywjy", string body = "正文第一段。\n正文第二段。") =>
        [title, department, writtenOn ?? "2026-11-20", category, "明教发〔2026〕21号", "t11-02", "导入 测试", "批量导入的测试信息。", body];

    public static byte[] Xlsx(IEnumerable<object?[]> rows, string[]? headers = null)
    {
        var h = headers ?? Headers;
        var sheet = rows.Select(r => h.Select((name, i) => (name, value: i < r.Length ? r[i] : null)).ToDictionary(x => x.name, x => x.value)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(IEnumerable<object?[]> rows, Encoding encoding, bool bom = false, string[]? headers = null)
    {
        var text = new StringBuilder();
        foreach (var record in new[] { (headers ?? Headers).Cast<object?>().ToArray() }.Concat(rows))
            text.Append(string.Join(',', record.Select(Quote))).Append("\r\n");
        var bytes = encoding.GetBytes(text.ToString());
        return bom ? [.. encoding.GetPreamble(), .. bytes] : bytes;
    }

    private static string Quote(object? value)
    {
        var s = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    public static MultipartFormDataContent Form(string field, byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    /// <summary>POST /api/items/import with a bearer token.</summary>
    public static Task<HttpResponseMessage> PostApiAsync(HttpClient api, byte[] content, string fileName) =>
        api.PostAsync("/api/items/import", Form("file", content, fileName));

    /// <summary>The import page's form, as a browser sends it (with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> PostPageAsync(HttpClient browser, byte[] content, string fileName)
    {
        var token = Html.AntiforgeryToken(await browser.GetStringAsync("/admin/items/import"));
        var form = Form("Upload", content, fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await browser.PostAsync("/admin/items/import", form);
    }
}

using System.Net.Http.Headers;
using System.Text;
using Gongkai.Tests.Infrastructure;
using MiniExcelLibs;

namespace Gongkai.Tests.Applications.Import;

/// <summary>Import files of historical applications: real XLSX (MiniExcel) and CSV in UTF-8 or GB18030, one row per dictionary.</summary>
internal static class ApplicationImportFiles
{
    public static readonly string[] Headers =
    [
        "收到日期", "收件渠道", "申请人类型", "申请人姓名或名称", "证件号码", "联系方式", "申请内容", "文号", "办理部门",
        "补正告知日期", "补正期限", "收到补正日期", "征求意见开始日期", "征求意见结束日期", "延期日期", "延期工作日", "延期理由",
        "答复日期", "办理结果", "答复意见", "原跟踪码",
    ];

    /// <summary>A plain row received by post on 2026-02-10 for 区教育局; <paramref name="cells"/> overrides or adds cells by header.</summary>
    public static Dictionary<string, object?> Row(string name, params (string Header, object? Value)[] cells)
    {
        var row = Headers.ToDictionary(h => h, _ => (object?)null);
        row["收到日期"] = "2026-02-10";
        row["收件渠道"] = "邮寄";
        row["申请人类型"] = "自然人";
        row["申请人姓名或名称"] = name;
        row["证件号码"] = ApplicationsTestKit.IdNumber;
        row["联系方式"] = ApplicationsTestKit.Mobile;
        row["申请内容"] = $"{name}申请的2025年明湖区中小学校舍维修项目清单";
        row["办理部门"] = "jyj";
        foreach (var (header, value) in cells) row[header] = value;
        return row;
    }

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    public static byte[] Csv(IEnumerable<Dictionary<string, object?>> rows, Encoding encoding, bool bom)
    {
        var text = new StringBuilder(string.Join(',', Headers)).Append("\r\n");
        foreach (var row in rows) text.Append(string.Join(',', Headers.Select(h => Quote(row[h])))).Append("\r\n");
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

    public static Task<HttpResponseMessage> PostApiAsync(HttpClient api, byte[] content, string fileName, bool dryRun = false) =>
        api.PostAsync("/api/admin/applications/import" + (dryRun ? "?dryRun=true" : ""), Form("file", content, fileName));

    /// <summary>The page's check step, as a browser sends it (with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> PostCheckAsync(HttpClient browser, byte[] content, string fileName)
    {
        var token = Html.AntiforgeryToken(await browser.GetStringAsync("/admin/applications/import"));
        var form = Form("Upload", content, fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await browser.PostAsync("/admin/applications/import?handler=Check", form);
    }
}

using System.Data;
using System.Text;
using MiniExcelLibs;

namespace Gongkai.Features.Applications.Import;

/// <summary>The downloadable templates: the header row only (an example row left in would be imported).</summary>
public static class ApplicationImportTemplate
{
    public static byte[] Xlsx()
    {
        using var table = new DataTable("申请导入");
        foreach (var header in ApplicationImportColumns.Headers) table.Columns.Add(header, typeof(string));
        var guide = ApplicationImportColumns.All.Select(c => new Dictionary<string, object>
        {
            ["列名"] = c.Header, ["是否必填"] = c.Required ? "必填" : "选填", ["说明"] = c.Description, ["示例"] = c.Example,
        }).ToList();
        using var stream = new MemoryStream();
        // The first sheet is the one imported; the second documents the columns.
        stream.SaveAs(new Dictionary<string, object> { ["申请导入"] = table, ["填写说明"] = guide }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>UTF-8 with a BOM, so that Excel opens the Chinese headers correctly.</summary>
    public static byte[] Csv() =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', ApplicationImportColumns.Headers) + "\r\n")];
}

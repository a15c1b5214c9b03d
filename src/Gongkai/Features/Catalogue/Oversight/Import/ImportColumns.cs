namespace Gongkai.Features.Catalogue.Oversight.Import;

/// <summary>A column of the import file: its Chinese header and the <see cref="ItemInput"/> field it fills.</summary>
public sealed record ImportColumn(string Header, string Field, bool Required, string Description, string Example);

/// <summary>The documented columns of the item import (the page, the templates and the reader all use this list).</summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("标题", "title", true, "信息名称，不超过200个字。", "明湖区2026年秋季学期中小学校历安排"),
        new("发布机构代码", "department", true, "机构代码（如 jyj 为区教育局，见“机构管理”或 /api/departments）。信息员、审核人只能导入本部门的信息。", "jyj"),
        new("成文日期", "writtenOn", true, "YYYY-MM-DD；也接受 Excel 日期单元格、2026/9/25 和 2026年9月25日。", "2026-09-25"),
        new("目录分类代码", "category", true, "公开目录栏目代码（如 a20-11、jc-ywjy，见 /api/catalogue/categories）。", "jc-ywjy"),
        new("文号", "documentNumber", false, "发文字号，不超过100个字；没有可留空。", "明教发〔2026〕12号"),
        new("主题分类代码", "theme", false, "主题分类代码（如 t11-02 为科技、教育 › 教育）；可留空。", "t11-02"),
        new("关键词", "keywords", false, "不超过200个字，多个以空格或逗号分隔；可留空。", "校历 开学"),
        new("内容概述", "summary", false, "不超过1000个字；可留空。", "公布2026年秋季学期开学、放假时间。"),
        new("正文", "body", true, "HTML 或纯文本（纯文本每行为一段）。", "9月1日开学，2027年1月23日开始放寒假。"),
    ];

    public static IEnumerable<string> Headers => All.Select(c => c.Header);

    /// <summary>The header of the column behind a field that <see cref="ItemInputResolver"/> names.</summary>
    public static string HeaderOf(string field) =>
        All.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase))?.Header ?? field;

    /// <summary>The position of a field's column in the documented order (unknown fields last), so reasons read left to right.</summary>
    public static int OrderOf(string field)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i].Field, field, StringComparison.OrdinalIgnoreCase)) return i;
        return All.Count;
    }

    /// <summary>
    /// Maps each header to its position. Every required column must be there; optional ones may be
    /// left out; an unknown or repeated header refuses the whole file (a misspelt 正文 must not
    /// import every row without its body).
    /// </summary>
    public static Dictionary<string, int> MapHeaders(IReadOnlyList<string> headers) =>
        ImportHeaders.Map(headers, All, c => c.Header, c => c.Field, c => c.Required);
}

/// <summary>The whole file is refused (empty, wrong type, too large, wrong headers); the message is Chinese.</summary>
public sealed class ImportFileException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

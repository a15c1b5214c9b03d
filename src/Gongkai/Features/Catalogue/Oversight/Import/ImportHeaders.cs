namespace Gongkai.Features.Catalogue.Oversight.Import;

/// <summary>Reads the header row of an import file (items, historical applications) against its columns.</summary>
public static class ImportHeaders
{
    /// <summary>
    /// Maps each column's <paramref name="key"/> to its position. Every required column must be there;
    /// optional ones may be left out; an unknown or repeated header refuses the whole file with a Chinese
    /// message naming the expected headers (a misspelt column must not import every row without it).
    /// </summary>
    /// <exception cref="ImportFileException">400: the headers are not those of the template.</exception>
    public static Dictionary<string, int> Map<T>(IReadOnlyList<string> headers, IReadOnlyList<T> columns,
        Func<T, string> header, Func<T, string> key, Func<T, bool> required)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var map = new Dictionary<string, int>();
        var problems = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = Normalise(headers[i]);
            if (name.Length == 0) continue;
            var column = columns.FirstOrDefault(c => header(c) == name);
            if (column is null) unknown.Add(name);
            else if (!map.TryAdd(key(column), i)) problems.Add($"列“{name}”重复");
        }
        var missing = columns.Where(c => required(c) && !map.ContainsKey(key(c))).Select(header).ToList();
        if (missing.Count > 0) problems.Insert(0, $"缺少必填列：{string.Join("、", missing)}");
        if (unknown.Count > 0) problems.Add($"无法识别的列：{string.Join("、", unknown)}");
        if (problems.Count > 0)
            throw new ImportFileException(400, $"表头不正确（{string.Join("；", problems)}）。第一行应为列名：{string.Join("、", columns.Select(header))}，可从本页下载模板。");
        return map;
    }

    // Templates elsewhere mark required columns with * or （必填）; the name is what matters.
    private static string Normalise(string header) =>
        header.Replace("\uFEFF", "", StringComparison.Ordinal).Trim().TrimEnd('*', '＊')
            .Replace("（必填）", "", StringComparison.Ordinal).Replace("(必填)", "", StringComparison.Ordinal).Trim();
}

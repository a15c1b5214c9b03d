using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.AnnualReports;

namespace Gongkai.Features.AnnualReports.Lint;

/// <summary>
/// Loose matching of the row labels of table 三 as other bodies print them (regulation.md §1.4): spaces
/// and line breaks from wrapping, full-width or ASCII parentheses and quotes, 「、」 or not, and the known
/// misprints 「内容事务」 (for 内部事务) and 「只计这一情况」 (for 这一情形).
/// </summary>
public static partial class ReportLabels
{
    private static readonly (string Typo, string Meant)[] Typos = [("内容事务", "内部事务"), ("这一情况", "这一情形")];

    /// <summary>The label reduced to its letters and digits, typos corrected.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC); // full-width digits and brackets → ASCII
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || category == UnicodeCategory.Format) continue;
            kept.Append(c);
        }
        var result = kept.ToString();
        foreach (var (typo, meant) in Typos) result = result.Replace(typo, meant, StringComparison.Ordinal);
        return result;
    }

    /// <summary>
    /// The label without a closing parenthetical remark, e.g. 「（二）部分公开」 for
    /// 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」, which some reports leave out.
    /// </summary>
    public static string Core(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var core = TrailingRemark().Replace(label, "");
        return Normalize(core.Length >= 4 ? core : label);
    }

    [GeneratedRegex(@"[（(][^（）()]*[）)]\s*$")]
    private static partial Regex TrailingRemark();

    /// <summary>
    /// Whether a row whose label cells read <paramref name="rowLabel"/> (already normalized, the label cells
    /// joined) is the row <paramref name="row"/>: its own label ends the text and its group label is in it.
    /// </summary>
    public static bool Matches(string rowLabel, ApplicationRow row)
    {
        ArgumentNullException.ThrowIfNull(rowLabel);
        ArgumentNullException.ThrowIfNull(row);
        if (row.GroupLabel is { } group && !rowLabel.Contains(Normalize(group), StringComparison.Ordinal)) return false;
        return rowLabel.EndsWith(Normalize(row.Label), StringComparison.Ordinal)
            || (row.Label.StartsWith('（') && rowLabel.EndsWith(Core(row.Label), StringComparison.Ordinal));
    }

    /// <summary>
    /// A printed figure: blank is null (<paramref name="readable"/> true); digits, maybe full-width, with
    /// thousands separators or a decimal point are a number; anything else (「—」, 「无」, 「12件」) is null and
    /// not readable.
    /// </summary>
    public static decimal? Number(string text, out bool readable)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Normalize(NormalizationForm.FormKC).Trim();
        t = string.Concat(t.Where(c => !char.IsWhiteSpace(c) && c != ','));
        readable = true;
        if (t.Length == 0) return null;
        if (Figure().IsMatch(t) && decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        readable = false;
        return null;
    }

    [GeneratedRegex(@"^-?\d{1,15}(\.\d{1,6})?$")]
    private static partial Regex Figure();
}

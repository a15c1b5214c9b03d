using System.Globalization;
using System.Text;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// The template from which an item's 索引号 is made when it is first published. No national format
/// exists; most bodies write an organisation code, the year and a running number
/// (regulation.md §3.1), and provinces set their own, so the template is configurable.
/// </summary>
/// <remarks>
/// The running number belongs to one department and, when the template holds {YYYY}, starts again
/// at 1 each year. Keeping it unique, never reusing it and never changing a number once assigned is
/// the job of whoever stores the sequence; this class only checks that the template itself can
/// produce unique numbers and writes them.
/// </remarks>
public sealed class IndexNumberTemplate
{
    /// <summary>The format regulation.md §3.1 recommends: 「11239901MH0000037C/2026-00001」.</summary>
    public const string Default = "{统一社会信用代码}/{YYYY}-{NNNNN}";

    private const string CreditCodeName = "统一社会信用代码";
    private const string DepartmentCodeName = "部门代码";
    private const string YearName = "YYYY";
    private const int MaxSequenceWidth = 9;
    private const string Available = "{统一社会信用代码}、{部门代码}、{YYYY}、{N…N}（1至9个N，如 {NNNNN}）";

    private readonly Part[] _parts;

    private IndexNumberTemplate(string template, Part[] parts)
    {
        Template = template;
        _parts = parts;
        RestartsYearly = parts.Any(p => p.Kind == PartKind.Year);
    }

    public string Template { get; }

    /// <summary>True when the template holds {YYYY}: the running number then starts again each year.</summary>
    public bool RestartsYearly { get; }

    /// <exception cref="DomainException">The template cannot produce unique index numbers.</exception>
    public static IndexNumberTemplate Parse(string template)
    {
        if (string.IsNullOrWhiteSpace(template)) throw new DomainException("索引号模板不能为空");

        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '}') throw new DomainException($"索引号模板第{i + 1}个字符“}}”没有对应的“{{”");
            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }
            var close = template.IndexOf('}', i + 1);
            var nested = template.IndexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close))
                throw new DomainException($"索引号模板第{i + 1}个字符“{{”没有对应的“}}”");
            if (literal.Length > 0)
            {
                parts.Add(new Part(PartKind.Literal, literal.ToString(), 0));
                literal.Clear();
            }
            parts.Add(Placeholder(template[(i + 1)..close]));
            i = close + 1;
        }
        if (literal.Length > 0) parts.Add(new Part(PartKind.Literal, literal.ToString(), 0));

        var sequences = parts.Count(p => p.Kind == PartKind.Sequence);
        if (sequences == 0) throw new DomainException("索引号模板必须含有流水号占位符，如 {NNNNN}");
        if (sequences > 1) throw new DomainException("索引号模板只能含有一个流水号占位符");
        // The running number is kept per department, so two departments both reach 00001: without
        // something naming the department their index numbers would collide.
        if (!parts.Any(p => p.Kind is PartKind.CreditCode or PartKind.DepartmentCode))
            throw new DomainException("索引号模板必须含有 {统一社会信用代码} 或 {部门代码}，否则不同部门的索引号会重复");
        return new IndexNumberTemplate(template, [.. parts]);
    }

    /// <summary>
    /// The index number for the <paramref name="sequence"/>-th item of a department (in
    /// <paramref name="year"/>, when the template restarts yearly).
    /// </summary>
    /// <exception cref="DomainException">The template needs a code the department does not have.</exception>
    public string Format(string creditCode, string departmentCode, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);

        var result = new StringBuilder();
        foreach (var part in _parts)
        {
            result.Append(part.Kind switch
            {
                PartKind.Literal => part.Text,
                PartKind.CreditCode => Required(creditCode, "发布机构未设置统一社会信用代码，无法生成索引号"),
                PartKind.DepartmentCode => Required(departmentCode, "发布机构未设置部门代码，无法生成索引号"),
                PartKind.Year => year.ToString("D4", CultureInfo.InvariantCulture),
                // Zero-padded to the width of the placeholder; a larger number is written in full
                // rather than cut, which would repeat an earlier number.
                _ => sequence.ToString("D" + part.Width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            });
        }
        return result.ToString();
    }

    public override string ToString() => Template;

    private static Part Placeholder(string name)
    {
        switch (name)
        {
            case CreditCodeName: return new Part(PartKind.CreditCode, name, 0);
            case DepartmentCodeName: return new Part(PartKind.DepartmentCode, name, 0);
            case YearName: return new Part(PartKind.Year, name, 0);
        }
        if (name.Length > 0 && name.All(c => c == 'N'))
        {
            if (name.Length > MaxSequenceWidth)
                throw new DomainException($"索引号模板的流水号占位符最多{MaxSequenceWidth}位，“{{{name}}}”有{name.Length}位");
            return new Part(PartKind.Sequence, name, name.Length);
        }
        throw new DomainException($"索引号模板含有未知的占位符“{{{name}}}”，可用的占位符有：{Available}");
    }

    private static string Required(string value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException(message) : value;

    private enum PartKind { Literal, CreditCode, DepartmentCode, Year, Sequence }

    private readonly record struct Part(PartKind Kind, string Text, int Width);
}

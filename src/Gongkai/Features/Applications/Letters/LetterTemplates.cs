using System.Text;
using Gongkai.Domain.Applications;

namespace Gongkai.Features.Applications.Letters;

/// <summary>A placeholder a template may use, and what it stands for (shown on the template page).</summary>
public sealed record LetterPlaceholder(string Name, string Meaning)
{
    public string Token => "{" + Name + "}";
}

/// <summary>
/// The body texts of reply letters: one per outcome group, one paragraph per line, with
/// placeholders filled in from the application and the reply. The defaults live here; the office
/// may replace a group's text (<see cref="ReplyLetterTemplate"/>) and go back to the default.
/// A line whose placeholders all come out empty is left out (no reasons given: no reasons line).
/// </summary>
public static class LetterTemplates
{
    public const int MaxLength = 5000;

    public static readonly IReadOnlyList<LetterPlaceholder> Placeholders =
    [
        new("申请人", "申请人的姓名或者名称"),
        new("称呼", "“你”（自然人）或“你单位”（法人或者其他组织）"),
        new("收到日期", "收到申请之日，如 2026年2月10日"),
        new("申请内容", "申请获取的政府信息（申请人的描述，有文号的附文号）"),
        new("查询码", "申请的查询码"),
        new("答复意见", "按办理结果写明的答复意见"),
        new("法律依据", "办理结果所依据的条款（2019年5月15日前收到的申请依2007年条例）"),
        new("理由", "工作人员填写的答复内容和理由"),
        new("获取方式", "获取信息的方式和途径（予以公开、部分公开）"),
        new("其他机关", "负责公开该信息的其他机关的名称和联系方式（第三十六条第（五）项，已知时）"),
        new("救济途径", "申请行政复议、提起行政诉讼的途径和期限"),
        new("复议机关", "行政复议机关"),
        new("诉讼法院", "提起行政诉讼的人民法院"),
        new("机关名称", "作出答复的机关"),
        new("联系电话", "作出答复的机关的联系电话"),
        new("答复日期", "答复日期，如 2026年3月2日"),
        new("文号", "告知书的文号，如 明湖教依复〔2026〕12号"),
    ];

    private static readonly HashSet<string> Known = [.. Placeholders.Select(p => p.Name)];

    private const string Opening = "{称呼}于{收到日期}向本机关提出的政府信息公开申请收悉，申请获取“{申请内容}”。";
    private const string Decision = "经审查，根据{法律依据}的规定，{答复意见}";
    private const string Closing = "{救济途径}\n本机关联系电话：{联系电话}。";

    /// <summary>The default text of each group.</summary>
    public static string Default(OutcomeGroup group) => group switch
    {
        OutcomeGroup.Granted => $"{Opening}\n{Decision}\n{{理由}}\n获取方式：{{获取方式}}\n{Closing}",
        OutcomeGroup.Partial => $"{Opening}\n{Decision}\n{{理由}}\n可以公开部分的获取方式：{{获取方式}}\n{Closing}",
        OutcomeGroup.Refused => $"{Opening}\n{Decision}\n理由：{{理由}}\n{Closing}",
        OutcomeGroup.Unavailable => $"{Opening}\n{Decision}\n{{其他机关}}\n{{理由}}\n{Closing}",
        OutcomeGroup.NotHandled => $"{Opening}\n{Decision}\n{{理由}}\n{Closing}",
        OutcomeGroup.Other => $"{Opening}\n{Decision}\n{{理由}}\n{Closing}",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>
    /// What every letter of the group must say, so no template can leave it out: the decision, its
    /// legal basis and the remedies; how to obtain the information where it is given (第三十六条第（二）项);
    /// the body that holds it where known (第三十六条第（五）项).
    /// </summary>
    public static IReadOnlyList<string> Required(OutcomeGroup group) => group switch
    {
        OutcomeGroup.Granted or OutcomeGroup.Partial => ["答复意见", "法律依据", "救济途径", "获取方式"],
        OutcomeGroup.Unavailable => ["答复意见", "法律依据", "救济途径", "其他机关"],
        _ => ["答复意见", "法律依据", "救济途径"],
    };

    /// <summary>Chinese messages for everything wrong with a template's text; empty when it can be used.</summary>
    public static List<string> Validate(OutcomeGroup group, string? text)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("请填写模板内容。");
            return errors;
        }
        if (text.Length > MaxLength) errors.Add($"模板内容不超过{MaxLength}个字（现有{text.Length}个字）。");

        var used = new HashSet<string>();
        var unknown = new List<string>();
        var lines = Lines(text);
        for (var n = 0; n < lines.Count; n++)
        {
            foreach (var part in Split(lines[n]))
            {
                switch (part)
                {
                    case Part.Token t when Known.Contains(t.Name):
                        used.Add(t.Name);
                        break;
                    case Part.Token t:
                        if (!unknown.Contains(t.Name)) unknown.Add(t.Name);
                        break;
                    case Part.Broken b:
                        errors.Add($"第{n + 1}行的“{b.Brace}”没有配对：占位符应写成“{{申请人}}”的形式，大括号须成对出现。");
                        break;
                }
            }
        }
        if (unknown.Count > 0)
            errors.Add($"未知的占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。可用的占位符有：{string.Join("、", Placeholders.Select(p => p.Token))}。");
        var missing = Required(group).Where(r => !used.Contains(r)).ToList();
        if (missing.Count > 0)
            errors.Add($"{group.ShortName()}的告知书必须包含{string.Join("、", missing.Select(m => "{" + m + "}"))}：告知书须写明答复意见、法律依据和救济途径" +
                (group is OutcomeGroup.Granted or OutcomeGroup.Partial ? "以及获取信息的方式和途径（第三十六条第（二）项）" : "") +
                (group == OutcomeGroup.Unavailable ? "，以及已知的负责公开该信息的机关及其联系方式（第三十六条第（五）项）" : "") + "。");
        return errors;
    }

    /// <summary>
    /// The paragraphs of a letter: each line with its placeholders filled in; a line whose
    /// placeholders all came out empty is dropped, and a value's own line breaks start new paragraphs.
    /// Call with a text that passed <see cref="Validate"/>.
    /// </summary>
    public static List<string> Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        var paragraphs = new List<string>();
        foreach (var line in Lines(text))
        {
            var output = new StringBuilder();
            var tokens = 0;
            var filled = 0;
            foreach (var part in Split(line))
            {
                switch (part)
                {
                    case Part.Literal l:
                        output.Append(l.Text);
                        break;
                    case Part.Token t:
                        tokens++;
                        var value = values.GetValueOrDefault(t.Name, "").Trim();
                        if (value.Length > 0) filled++;
                        output.Append(value);
                        break;
                    case Part.Broken b:
                        output.Append(b.Brace);
                        break;
                }
            }
            if (tokens > 0 && filled == 0) continue;
            foreach (var paragraph in output.ToString().Split('\n'))
            {
                var p = paragraph.Trim();
                if (p.Length > 0) paragraphs.Add(p);
            }
        }
        return paragraphs;
    }

    private static List<string> Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private abstract record Part
    {
        public sealed record Literal(string Text) : Part;
        public sealed record Token(string Name) : Part;
        /// <summary>A lone "{" or "}".</summary>
        public sealed record Broken(string Brace) : Part;
    }

    /// <summary>Splits a line into text and {placeholders}; braces in full width (｛｝) count too, as an editor may type them.</summary>
    private static IEnumerable<Part> Split(string line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '{' or '｛')
            {
                var end = line.IndexOfAny(['}', '｝', '{', '｛'], i + 1);
                if (end < 0 || line[end] is '{' or '｛')
                {
                    if (text.Length > 0) { yield return new Part.Literal(text.ToString()); text.Clear(); }
                    yield return new Part.Broken(c.ToString());
                    continue;
                }
                if (text.Length > 0) { yield return new Part.Literal(text.ToString()); text.Clear(); }
                yield return new Part.Token(line[(i + 1)..end].Trim());
                i = end;
            }
            else if (c is '}' or '｝')
            {
                if (text.Length > 0) { yield return new Part.Literal(text.ToString()); text.Clear(); }
                yield return new Part.Broken(c.ToString());
            }
            else
            {
                text.Append(c);
            }
        }
        if (text.Length > 0) yield return new Part.Literal(text.ToString());
    }
}

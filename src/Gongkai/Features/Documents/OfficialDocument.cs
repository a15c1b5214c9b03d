namespace Gongkai.Features.Documents;

/// <summary>
/// A document in the layout of government documents (GB/T 9704-2012 党政机关公文格式): the title, an
/// optional 发文字号, the 主送 line, body blocks, the signature (发文机关署名 and 成文日期) and page
/// numbers. Built in code by a feature (reply letters, the annual report), then written by
/// <see cref="DocxWriter"/> or <see cref="PdfWriter"/>; both writers lay out the same model.
/// </summary>
public sealed class OfficialDocument
{
    private readonly List<DocumentBlock> _blocks = [];
    private int _heading1Count;
    private int _heading2Count;

    /// <param name="title">The 标题; a line break ('\n') splits a long title where the author wants it.</param>
    public OfficialDocument(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
    }

    public string Title { get; }

    /// <summary>发文字号, e.g. 明政公开告〔2026〕12号; centred under the title when set.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>主送机关 or the addressee of a letter, e.g. "张三：", set flush left above the body.</summary>
    public string? Recipient { get; set; }

    public DocumentSignature? Signature { get; private set; }

    public IReadOnlyList<DocumentBlock> Blocks => _blocks;

    /// <summary>A first-level heading (黑体). Numbered "一、", "二、"… unless <paramref name="numbered"/> is false
    /// (for text that already carries its number, like the annual report's section titles).</summary>
    public OfficialDocument Heading1(string text, bool numbered = true)
    {
        _heading1Count++;
        _heading2Count = 0;
        return Add(new HeadingBlock(1, numbered ? ChineseText.Numeral(_heading1Count) + "、" + text : text));
    }

    /// <summary>A second-level heading (楷体), numbered "（一）", "（二）"… within its first-level heading.</summary>
    public OfficialDocument Heading2(string text, bool numbered = true)
    {
        _heading2Count++;
        return Add(new HeadingBlock(2, numbered ? "（" + ChineseText.Numeral(_heading2Count) + "）" + text : text));
    }

    /// <summary>A body paragraph (仿宋 三号, first line indented two characters, justified).</summary>
    public OfficialDocument Paragraph(string text) => Add(new ParagraphBlock(text));

    /// <summary>A paragraph with another alignment or without the first-line indent (e.g. "附件：" lines, notes).</summary>
    public OfficialDocument Paragraph(string text, TextAlign align, bool firstLineIndent) =>
        Add(new ParagraphBlock(text, align, firstLineIndent));

    public OfficialDocument Table(DocumentTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        return Add(new TableBlock(table));
    }

    public OfficialDocument PageBreak() => Add(new PageBreakBlock());

    /// <summary>The 发文机关署名 and 成文日期 (written as 2026年11月27日) after the body.</summary>
    public OfficialDocument SignedBy(string issuingBody, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuingBody);
        Signature = new DocumentSignature(issuingBody, date);
        return this;
    }

    private OfficialDocument Add(DocumentBlock block)
    {
        _blocks.Add(block);
        return this;
    }
}

public abstract record DocumentBlock;

/// <summary>Level 1 (黑体, "一、") or level 2 (楷体, "（一）"); the text includes its number.</summary>
public sealed record HeadingBlock(int Level, string Text) : DocumentBlock;

/// <summary>Body text; '\n' starts a new line inside the paragraph.</summary>
public sealed record ParagraphBlock(string Text, TextAlign Align = TextAlign.Justify, bool FirstLineIndent = true) : DocumentBlock;

public sealed record TableBlock(DocumentTable Table) : DocumentBlock;

public sealed record PageBreakBlock : DocumentBlock;

public sealed record DocumentSignature(string IssuingBody, DateOnly Date)
{
    /// <summary>GB/T 9704-2012 7.3.5: the 成文日期 in Arabic numerals with 年月日, e.g. 2026年11月27日.</summary>
    public string DateText => ChineseText.Date(Date);
}

public enum TextAlign { Justify, Left, Center, Right }

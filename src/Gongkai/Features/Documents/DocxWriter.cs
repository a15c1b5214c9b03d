using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Features.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a Word document in the layout of GB/T 9704-2012:
/// A4, the standard margins, 仿宋/黑体/楷体 styles, ruled tables with merged cells, page numbers.
/// Stateless; one instance serves every request.
/// </summary>
public sealed class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    public void Write(OfficialDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        // The package is built in memory: OpenXml needs a seekable stream, a response body is not one.
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title.Replace('\n', ' ');
            word.PackageProperties.Language = "zh-CN";
            var main = word.AddMainDocumentPart();
            DocxStyles.AddStyles(main);
            DocxStyles.AddFontTable(main);
            DocxStyles.AddSettings(main);
            var oddFooter = DocxStyles.AddFooter(main, odd: true);
            var evenFooter = DocxStyles.AddFooter(main, odd: false);

            var body = new Body();
            AppendHeader(body, document);
            foreach (var block in document.Blocks)
                AppendBlock(body, block);
            if (document.Signature is { } signature)
                AppendSignature(body, signature);
            body.Append(Section(oddFooter, evenFooter));
            main.Document = new Document(body);
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void AppendHeader(Body body, OfficialDocument document)
    {
        body.Append(Styled(DocxStyles.Title, document.Title));
        if (document.DocumentNumber is { } number)
            body.Append(Styled(DocxStyles.DocumentNumber, number));
        body.Append(new Paragraph()); // 标题下空一行 (GB/T 9704-2012 7.3.2, 7.3.3)
        if (document.Recipient is { } recipient)
            body.Append(Styled(DocxStyles.Recipient, recipient));
    }

    private static void AppendBlock(Body body, DocumentBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                body.Append(Styled(h.Level == 1 ? DocxStyles.Heading1 : DocxStyles.Heading2, h.Text));
                break;
            case ParagraphBlock p:
                var paragraph = Styled(DocxStyles.Body, p.Text);
                if (p.Align != TextAlign.Justify || !p.FirstLineIndent)
                {
                    var properties = paragraph.ParagraphProperties!;
                    if (!p.FirstLineIndent) properties.Append(new Indentation { FirstLineChars = 0, FirstLine = "0" });
                    if (p.Align != TextAlign.Justify) properties.Append(new Justification { Val = Justify(p.Align) });
                }
                body.Append(paragraph);
                break;
            case TableBlock t:
                body.Append(DocxTable.Build(t.Table));
                body.Append(new Paragraph(new ParagraphProperties(new SnapToGrid { Val = false }, new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto })));
                break;
            case PageBreakBlock:
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    /// <summary>正文下空一行, then the issuing body and the date, placed as GB/T 9704-2012 7.3.5.2 asks.</summary>
    private static void AppendSignature(Body body, DocumentSignature signature)
    {
        var (nameIndent, dateIndent) = ChineseText.SignatureIndents(ChineseText.EmWidth(signature.IssuingBody), ChineseText.EmWidth(signature.DateText));
        body.Append(new Paragraph(new ParagraphProperties(new KeepNext())));
        body.Append(SignatureLine(signature.IssuingBody, nameIndent));
        body.Append(SignatureLine(signature.DateText, dateIndent));
    }

    private static Paragraph SignatureLine(string text, double indentEms)
    {
        var paragraph = Styled(DocxStyles.Signature, text);
        paragraph.ParagraphProperties!.Append(new Indentation { Right = PageLayout.Twips(indentEms * PageLayout.BodySize).ToString() });
        return paragraph;
    }

    private static SectionProperties Section(string oddFooter, string evenFooter) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooter },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooter },
        new PageSize { Width = (UInt32Value)(uint)PageLayout.TwipsFromMm(PageLayout.PageWidthMm), Height = (UInt32Value)(uint)PageLayout.TwipsFromMm(PageLayout.PageHeightMm) },
        new PageMargin
        {
            Top = PageLayout.TwipsFromMm(PageLayout.TopMarginMm),
            Bottom = PageLayout.TwipsFromMm(PageLayout.BottomMarginMm),
            Left = (UInt32Value)(uint)PageLayout.TwipsFromMm(PageLayout.LeftMarginMm),
            Right = (UInt32Value)(uint)PageLayout.TwipsFromMm(PageLayout.RightMarginMm),
            Header = (UInt32Value)(uint)PageLayout.TwipsFromMm(15),
            // The page number's line 7 mm under the text area: the footer's bottom edge one 四号 line lower.
            Footer = (UInt32Value)(uint)(PageLayout.TwipsFromMm(PageLayout.BottomMarginMm - PageLayout.PageNumberGapMm) - PageLayout.Twips(PageLayout.PageNumberSize)),
            Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = PageLayout.Twips(PageLayout.LinePitch) });

    internal static Paragraph Styled(string styleId, string text, TextAlign? align = null, double? fontSize = null)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = styleId });
        if (align is { } a) properties.Append(new Justification { Val = Justify(a) });
        var paragraph = new Paragraph(properties);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (fontSize is { } size) run.Append(new RunProperties(DocxStyles.Size(size), new FontSizeComplexScript { Val = DocxStyles.HalfPoints(size) }));
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }
        return paragraph;
    }

    internal static JustificationValues Justify(TextAlign align) => align switch
    {
        TextAlign.Left => JustificationValues.Left,
        TextAlign.Center => JustificationValues.Center,
        TextAlign.Right => JustificationValues.Right,
        _ => JustificationValues.Both,
    };
}

using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Features.Documents;

/// <summary>
/// Lays out one document on PDF pages: a cursor moves down the text area, a block that does not fit
/// goes to a new page, headings stay with the line after them. Positions are in points from the
/// top-left corner of the page.
/// </summary>
internal sealed partial class PdfComposer : IDisposable
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly PdfDocument _pdf = new();
    private readonly XGraphics _measure;
    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];
    private readonly PdfFontFaces _faces;
    private readonly XFont _body, _title, _heading1, _heading2, _pageNumber;
    private XGraphics? _page;
    private double _y;
    private bool _pageHasContent;

    private static double Left => PageLayout.Pt(PageLayout.LeftMarginMm);
    private static double Top => PageLayout.Pt(PageLayout.TopMarginMm);
    private static double Bottom => PageLayout.PageHeight - PageLayout.Pt(PageLayout.BottomMarginMm);
    private static double Width => PageLayout.TextWidth;

    public PdfComposer(PdfFontFaces faces, string title, DateTime now)
    {
        _faces = faces;
        _pdf.Info.Title = title;
        _pdf.Info.Creator = "Gongkai";
        _pdf.Info.CreationDate = now;
        _pdf.Info.ModificationDate = now;
        _pdf.Language = "zh-CN";
        _measure = XGraphics.CreateMeasureContext(new XSize(PageLayout.PageWidth, PageLayout.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        _body = Font(faces.Serif, PageLayout.BodySize);
        // PDFsharp 6.2 cannot embolden a face, so the title takes the 黑体 face rather than a bold 宋体.
        _title = Font(faces.Sans, PageLayout.TitleSize);
        _heading1 = Font(faces.Sans, PageLayout.BodySize);
        _heading2 = Font(faces.Kai, PageLayout.BodySize);
        _pageNumber = Font(faces.Serif, PageLayout.PageNumberSize);
    }

    private static XFont Font(string family, double size) => new(family, size, XFontStyleEx.Regular, Unicode);

    public void Compose(OfficialDocument document)
    {
        NewPage();
        Lines(document.Title, _title, PageLayout.TitleLinePitch, TextAlign.Center, firstIndent: 0);
        if (document.DocumentNumber is { } number)
            Lines(number, _body, PageLayout.LinePitch, TextAlign.Center, firstIndent: 0);
        _y += PageLayout.LinePitch; // 标题下空一行
        if (document.Recipient is { } recipient)
            Lines(recipient, _body, PageLayout.LinePitch, TextAlign.Left, firstIndent: 0, keepWithNext: PageLayout.LinePitch);

        var blocks = document.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeadingBlock h:
                    // A heading keeps the next line, or a table's header and first rows, on its page.
                    var next = i + 1 < blocks.Count && blocks[i + 1] is TableBlock following ? Layout(following.Table).FirstGroupHeight : PageLayout.LinePitch;
                    Lines(h.Text, h.Level == 1 ? _heading1 : _heading2, PageLayout.LinePitch, TextAlign.Justify, TwoChars, keepWithNext: next);
                    break;
                case ParagraphBlock p:
                    Lines(p.Text, _body, PageLayout.LinePitch, p.Align, p.FirstLineIndent ? TwoChars : 0);
                    break;
                case TableBlock t:
                    Table(Layout(t.Table));
                    _y += PageLayout.LinePitch / 2;
                    break;
                case PageBreakBlock:
                    if (_pageHasContent) NewPage();
                    break;
                default:
                    throw new NotSupportedException(blocks[i].GetType().Name);
            }
        }
        if (document.Signature is { } signature)
            Signature(signature);
    }

    public void Save(Stream stream) => _pdf.Save(stream, closeStream: false);

    private static double TwoChars => 2 * PageLayout.BodySize;

    /// <summary>A paragraph on the body's fixed line pitch; justified lines are stretched between characters.</summary>
    /// <param name="keepWithNext">Room that must stay below the last line, or 0.</param>
    private void Lines(string text, XFont font, double pitch, TextAlign align, double firstIndent, double rightIndent = 0, double keepWithNext = 0)
    {
        var available = Width - rightIndent;
        var lines = ChineseText.BreakLines(text, s => Measure(font, s), available - firstIndent, available);
        // A heading or an addressee is never the last line of a page.
        if (keepWithNext > 0 && _pageHasContent && _y + lines.Count * pitch + Math.Min(keepWithNext, Bottom - Top - lines.Count * pitch) > Bottom + 0.01)
            NewPage();
        for (var i = 0; i < lines.Count; i++)
        {
            if (_y + pitch > Bottom + 0.01) NewPage();
            var indent = i == 0 ? firstIndent : 0;
            DrawLine(lines[i], font, Left + indent, available - indent, Baseline(_y, pitch, font.Size), align);
            _y += pitch;
            _pageHasContent = true;
        }
    }

    /// <summary>Ideographs sit centred in their line: the em box's middle is about 0.36 em above the baseline.</summary>
    private static double Baseline(double lineTop, double pitch, double size) => lineTop + pitch / 2 + size * 0.36;

    private void DrawLine(BrokenLine line, XFont font, double x, double width, double baseline, TextAlign align)
    {
        if (line.Text.Length == 0) return;
        var used = Measure(font, line.Text);
        if (align == TextAlign.Justify && !line.EndsParagraph)
        {
            var tokens = ChineseText.Tokens(line.Text);
            var gap = tokens.Count > 1 ? (width - used) / (tokens.Count - 1) : 0;
            if (gap > 0 && gap < font.Size)
            {
                foreach (var token in tokens)
                {
                    if (token != " ") Page.DrawString(token, font, XBrushes.Black, x, baseline);
                    x += Measure(font, token) + gap;
                }
                return;
            }
        }
        var start = align switch
        {
            TextAlign.Center => x + (width - used) / 2,
            TextAlign.Right => x + width - used,
            _ => x,
        };
        Page.DrawString(line.Text, font, XBrushes.Black, start, baseline);
    }

    /// <summary>正文下空一行; the name and the date right-indented as GB/T 9704-2012 7.3.5.2 asks.</summary>
    private void Signature(DocumentSignature signature)
    {
        var em = PageLayout.BodySize;
        var name = Measure(_body, signature.IssuingBody);
        var date = Measure(_body, signature.DateText);
        var (nameIndent, dateIndent) = ChineseText.SignatureIndents(name / em, date / em);
        // 正文下空一行 when the page has room for it; the two lines themselves never part.
        if (_y + 3 * PageLayout.LinePitch <= Bottom + 0.01) _y += PageLayout.LinePitch;
        else if (_y + 2 * PageLayout.LinePitch > Bottom + 0.01) NewPage();
        Page.DrawString(signature.IssuingBody, _body, XBrushes.Black, Left + Width - nameIndent * em - name, Baseline(_y, PageLayout.LinePitch, em));
        _y += PageLayout.LinePitch;
        Page.DrawString(signature.DateText, _body, XBrushes.Black, Left + Width - dateIndent * em - date, Baseline(_y, PageLayout.LinePitch, em));
        _y += PageLayout.LinePitch;
        _pageHasContent = true;
    }

    private XGraphics Page => _page ?? throw new InvalidOperationException("no page yet");

    /// <summary>A new page with its number: "— n —" one character in from the outer edge (7.5), odd right, even left.</summary>
    private void NewPage()
    {
        _page?.Dispose();
        var page = _pdf.AddPage();
        page.Width = XUnit.FromPoint(PageLayout.PageWidth);
        page.Height = XUnit.FromPoint(PageLayout.PageHeight);
        _page = XGraphics.FromPdfPage(page);
        _y = Top;
        _pageHasContent = false;

        var number = _pdf.PageCount;
        var text = $"— {number} —";
        var width = Measure(_pageNumber, text);
        var oneChar = PageLayout.PageNumberSize;
        var x = number % 2 == 1 ? Left + Width - oneChar - width : Left + oneChar;
        var middle = Bottom + PageLayout.Pt(PageLayout.PageNumberGapMm);
        _page.DrawString(text, _pageNumber, XBrushes.Black, x, middle + PageLayout.PageNumberSize * 0.36);
    }

    private double Measure(XFont font, string text)
    {
        if (text.Length == 0) return 0;
        if (_widths.TryGetValue((font, text), out var width)) return width;
        width = _measure.MeasureString(text, font).Width;
        _widths[(font, text)] = width;
        return width;
    }

    public void Dispose()
    {
        _page?.Dispose();
        _measure.Dispose();
        _pdf.Dispose();
    }
}

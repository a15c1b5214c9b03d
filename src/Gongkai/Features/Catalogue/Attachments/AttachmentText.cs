using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Features.Catalogue.Attachments;

/// <summary>
/// The text of an attachment, for search and for the personal-data check before publication.
/// A document whose text cannot be read is refused rather than stored unchecked: an unreadable
/// attachment could carry the ID numbers the check exists to stop.
/// </summary>
public static class AttachmentText
{
    /// <summary>
    /// More text than this is refused: a small zip can expand to gigabytes (a "zip bomb"), and text
    /// cut short would leave the rest unchecked for personal data.
    /// </summary>
    public const int MaxCharacters = 5_000_000;

    /// <summary>The text of the file at <paramref name="path"/>; null for images. Throws <see cref="AttachmentRefusedException"/>.</summary>
    public static string? Extract(AttachmentFormat format, string path, string fileName, CancellationToken ct)
    {
        if (!format.HasText) return null;
        var text = new LimitedText(fileName);
        try
        {
            switch (format.Extension)
            {
                case ".pdf": Pdf(path, text, ct); break;
                case ".docx": Docx(path, text, ct); break;
                case ".xlsx": Xlsx(path, text, ct); break;
                default: return null;
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or AttachmentRefusedException))
        {
            throw new AttachmentRefusedException(StatusCodes.Status422UnprocessableEntity,
                $"无法读取“{fileName}”的内容（{format.Name}已损坏、加密或格式不正确），未上传。请检查文件能否正常打开，另存后重新上传。", e);
        }
        return text.ToString();
    }

    private static void Pdf(string path, LimitedText text, CancellationToken ct)
    {
        using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true });
        foreach (var page in document.GetPages())
        {
            ct.ThrowIfCancellationRequested();
            text.Line(ContentOrderTextExtractor.GetText(page));
        }
    }

    private static void Docx(string path, LimitedText text, CancellationToken ct)
    {
        using var document = WordprocessingDocument.Open(path, false, new OpenSettings { MaxCharactersInPart = 4L * MaxCharacters });
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("No document body: not a Word document.");
        // Paragraphs in document order, those inside table cells included: one line each, so that
        // numbers in adjacent cells never run together. Only w:t runs (no deleted text or field codes).
        foreach (var paragraph in body.Descendants<W.Paragraph>())
        {
            ct.ThrowIfCancellationRequested();
            text.Line(string.Concat(paragraph.Descendants<W.Text>().Select(t => t.Text)));
        }
    }

    private static void Xlsx(string path, LimitedText text, CancellationToken ct)
    {
        using var stream = File.OpenRead(path);
        var sheets = stream.GetSheetNames();
        if (sheets.Count == 0) throw new InvalidDataException("No worksheets: not an Excel workbook.");
        foreach (var sheet in sheets)
        {
            stream.Position = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet))
            {
                ct.ThrowIfCancellationRequested();
                text.Line(string.Join('\t', row.Values.Select(Cell).Where(v => v.Length > 0)));
            }
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed class LimitedText(string fileName)
    {
        private readonly StringBuilder _text = new();

        public void Line(string line)
        {
            line = line.Trim();
            if (line.Length == 0) return;
            if (_text.Length + line.Length + 1 > MaxCharacters)
                throw new AttachmentRefusedException(StatusCodes.Status422UnprocessableEntity,
                    $"“{fileName}”的文字内容超过{MaxCharacters / 10_000}万字，无法完成个人信息检查，未上传。请拆分为多个文件后上传。");
            if (_text.Length > 0) _text.Append('\n');
            _text.Append(line);
        }

        public override string ToString() => _text.ToString();
    }
}

namespace Gongkai.Features.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a PDF with PDFsharp: the page and type sizes of
/// GB/T 9704-2012 like <see cref="DocxWriter"/>, Chinese fonts subset-embedded with a ToUnicode map
/// (so the text can be searched and copied), Chinese line breaking, tables with merged cells that
/// repeat their header rows on each page, and page numbers. Fonts: <see cref="DocumentFonts"/>.
/// </summary>
public sealed class PdfWriter(DocumentFonts fonts, TimeProvider clock)
{
    public const string ContentType = "application/pdf";

    /// <exception cref="DocumentFontException">No Chinese TrueType font is installed or configured.</exception>
    public byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    /// <exception cref="DocumentFontException">No Chinese TrueType font is installed or configured.</exception>
    public void Write(OfficialDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        var faces = fonts.Faces();
        using var composer = new PdfComposer(faces, document.Title.Replace('\n', ' '), clock.GetLocalNow().DateTime);
        composer.Compose(document);
        // PDFsharp writes through a seekable stream; a response body is not one.
        using var buffer = new MemoryStream();
        composer.Save(buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}

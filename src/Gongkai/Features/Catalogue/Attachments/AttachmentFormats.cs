namespace Gongkai.Features.Catalogue.Attachments;

/// <summary>What an attachment may be. The extension says what the uploader claims; the first bytes say what it is.</summary>
public sealed record AttachmentFormat(string Extension, string ContentType, string Name, bool HasText)
{
    public bool Matches(ReadOnlySpan<byte> head) => Extension switch
    {
        // The PDF header may follow a few bytes of junk (ISO 32000-1 §7.5.2 readers accept it within the first 1024 bytes).
        ".pdf" => head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0,
        // DOCX and XLSX are zip packages; which package it is, the text extraction finds out.
        ".docx" or ".xlsx" => head.StartsWith("PK\x03\x04"u8),
        ".png" => head.StartsWith(PngSignature),
        ".jpg" or ".jpeg" => head.StartsWith(JpegSignature),
        _ => false,
    };

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
}

public static class AttachmentFormats
{
    /// <summary>How many leading bytes <see cref="AttachmentFormat.Matches"/> needs.</summary>
    public const int HeadLength = 1024;

    public static readonly IReadOnlyList<AttachmentFormat> All =
    [
        new(".pdf", "application/pdf", "PDF 文件", true),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档（DOCX）", true),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 工作簿（XLSX）", true),
        new(".png", "image/png", "PNG 图片", false),
        new(".jpg", "image/jpeg", "JPEG 图片", false),
        new(".jpeg", "image/jpeg", "JPEG 图片", false),
    ];

    /// <summary>For the file input's accept attribute.</summary>
    public static string Accept => string.Join(',', All.Select(f => f.Extension));

    public const string Allowed = "PDF、DOCX、XLSX、PNG、JPEG";

    public static AttachmentFormat? ForFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return All.FirstOrDefault(f => f.Extension == extension);
    }
}

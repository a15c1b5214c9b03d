using Microsoft.Extensions.Options;

namespace Gongkai.Features.Documents;

/// <summary>
/// Settings under "Gongkai:Documents": the font files the PDF writer embeds. Each is a TrueType
/// .ttf or .ttc (a collection: its Simplified Chinese face is used). Empty: the packaged fonts of
/// Debian (fonts-arphic-uming, fonts-wqy-zenhei, fonts-arphic-ukai) or Windows (仿宋, 黑体, 楷体).
/// The DOCX writer only names fonts; Word or WPS on the reader's machine supplies them.
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "Gongkai:Documents";

    /// <summary>Body text, the 发文字号 and the signature (仿宋 in Word; a Song/Ming face in the PDF).</summary>
    public string? SerifFont { get; set; }

    /// <summary>The title, level-1 headings and table headers (黑体).</summary>
    public string? SansFont { get; set; }

    /// <summary>Level-2 headings (楷体); falls back to the serif font.</summary>
    public string? KaiFont { get; set; }
}

/// <summary>A configured font file that does not exist stops the server at start, naming the setting.</summary>
internal sealed class DocumentOptionsValidator : IValidateOptions<DocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        var errors = new List<string>();
        Check(options.SerifFont, nameof(DocumentOptions.SerifFont), errors);
        Check(options.SansFont, nameof(DocumentOptions.SansFont), errors);
        Check(options.KaiFont, nameof(DocumentOptions.KaiFont), errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string? path, string setting, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            errors.Add($"{DocumentOptions.Section}:{setting}: font file {path} does not exist. 字体文件不存在，请检查该设置。");
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PdfSharp.Fonts;

namespace Gongkai.Features.Documents;

/// <summary>No usable Chinese font for the PDF writer; the message says what to install or configure.</summary>
public sealed class DocumentFontException : Exception
{
    public DocumentFontException(string message) : base(message) { }
    public DocumentFontException(string message, Exception inner) : base(message, inner) { }
    public DocumentFontException() { }
}

/// <summary>The faces the PDF writer draws with, as family names registered with PDFsharp.</summary>
internal sealed record PdfFontFaces(string Serif, string Sans, string Kai);

/// <summary>Where to look for each role's font when no setting names one.</summary>
internal sealed record FontCandidates(IReadOnlyList<string> Serif, IReadOnlyList<string> Sans, IReadOnlyList<string> Kai)
{
    /// <summary>
    /// TrueType-outline fonts only. Debian's fonts-noto-cjk is CFF-based (OpenType .ttc with PostScript
    /// outlines): PDFsharp 6.2 embeds such a font whole (20 MB per PDF) under the wrong font type, so
    /// it is not used. AR PL UMing (a Ming/Song face) stands in for 仿宋, WenQuanYi Zen Hei for 黑体.
    /// </summary>
    public static readonly FontCandidates System = new(
        ["/usr/share/fonts/truetype/arphic/uming.ttc", @"C:\Windows\Fonts\simfang.ttf", @"C:\Windows\Fonts\simsun.ttc"],
        ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", @"C:\Windows\Fonts\simhei.ttf"],
        ["/usr/share/fonts/truetype/arphic/ukai.ttc", @"C:\Windows\Fonts\simkai.ttf"]);
}

/// <summary>
/// Finds and loads the fonts for <see cref="PdfWriter"/> on first use (not at start: a server that
/// never writes a PDF needs no fonts). A failure is not remembered, so installing fonts needs no restart.
/// </summary>
public sealed class DocumentFonts
{
    internal const string Missing =
        "未找到可用于生成 PDF 的中文 TrueType 字体。请安装 fonts-arphic-uming、fonts-wqy-zenhei 和 fonts-arphic-ukai" +
        "（apt-get install -y fonts-arphic-uming fonts-wqy-zenhei fonts-arphic-ukai），" +
        "或通过 Gongkai:Documents:SerifFont 和 Gongkai:Documents:SansFont 指定 .ttf/.ttc 字体文件。";

    private readonly DocumentOptions _options;
    private readonly FontCandidates _candidates;
    private readonly ILogger<DocumentFonts>? _log;
    private readonly Lock _lock = new();
    private PdfFontFaces? _faces;

    public DocumentFonts(IOptions<DocumentOptions> options, ILogger<DocumentFonts> log)
        : this(options.Value, FontCandidates.System, log) { }

    internal DocumentFonts(DocumentOptions options, FontCandidates candidates, ILogger<DocumentFonts>? log = null)
    {
        _options = options;
        _candidates = candidates;
        _log = log;
    }

    internal PdfFontFaces Faces()
    {
        lock (_lock)
        {
            if (_faces is not null) return _faces;
            var serif = Find(_options.SerifFont, nameof(DocumentOptions.SerifFont), _candidates.Serif);
            var sans = Find(_options.SansFont, nameof(DocumentOptions.SansFont), _candidates.Sans);
            // A missing role borrows another's face: a PDF in one face beats no PDF.
            serif ??= sans ?? throw new DocumentFontException(Missing);
            sans ??= serif;
            var kai = Find(_options.KaiFont, nameof(DocumentOptions.KaiFont), _candidates.Kai) ?? serif;
            _faces = new PdfFontFaces(serif, sans, kai);
            _log?.LogInformation("PDF fonts: serif {Serif}, sans {Sans}, kai {Kai}", serif, sans, kai);
            return _faces;
        }
    }

    private static string? Find(string? configured, string setting, IReadOnlyList<string> candidates)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return CjkFontResolver.Register(configured, $"{DocumentOptions.Section}:{setting}");
        foreach (var path in candidates.Where(File.Exists))
        {
            try { return CjkFontResolver.Register(path, null); }
            catch (DocumentFontException) { } // an unusable system font: try the next one
        }
        return null;
    }
}

/// <summary>
/// PDFsharp's font resolver is one per process, set once; it serves the faces that
/// <see cref="DocumentFonts"/> registered, each under a family name made from its file.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    private static readonly CjkFontResolver Instance = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> FamilyByFile = new(StringComparer.Ordinal);
    private static readonly Lock InstallLock = new();

    /// <summary>Loads a font file once per process and returns the family name to draw with.</summary>
    public static string Register(string path, string? setting)
    {
        Install();
        var file = new FileInfo(path);
        var key = $"{file.FullName}|{(file.Exists ? file.Length : -1)}|{(file.Exists ? file.LastWriteTimeUtc.Ticks : 0)}";
        if (FamilyByFile.TryGetValue(key, out var known)) return known;

        var where = setting is null ? path : $"{setting}（{path}）";
        SfntFace face;
        try
        {
            face = SfntFace.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            throw new DocumentFontException($"无法读取字体文件 {where}：{e.Message}", e);
        }
        if (!face.HasTrueTypeOutlines)
            throw new DocumentFontException(
                $"字体 {where} 使用 CFF（PostScript）轮廓，PDF 生成组件只能嵌入 TrueType 轮廓字体。请改用 TrueType 字体，例如 fonts-arphic-uming 或 fonts-wqy-zenhei。");

        var family = "gongkai-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12].ToLowerInvariant();
        Faces[family] = face.Data;
        FamilyByFile[key] = family;
        return family;
    }

    private static void Install()
    {
        lock (InstallLock)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
                GlobalFontSettings.FontResolver = Instance;
        }
    }

    // PDFsharp 6.2 cannot simulate bold: every request gets the regular face, and the title uses the 黑体 face instead.
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var data) ? data : null;
}

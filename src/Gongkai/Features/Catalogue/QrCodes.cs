using System.Collections.Concurrent;
using System.Text;
using QRCoder;

namespace Gongkai.Features.Catalogue;

/// <summary>QR codes (扫一扫) as SVG data URIs, made once per address: a page's code never changes.</summary>
public static class QrCodes
{
    private const int MaxCached = 50_000;
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static string SvgDataUri(string text)
    {
        if (Cache.TryGetValue(text, out var cached)) return cached;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var uri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(3)));
        if (Cache.Count < MaxCached) Cache.TryAdd(text, uri);
        return uri;
    }
}

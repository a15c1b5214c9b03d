using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;

namespace Gongkai.Tests.Documents;

/// <summary>A [Fact] that is skipped, saying why, when poppler's pdftoppm is not installed.</summary>
public sealed class PdftoppmFactAttribute : FactAttribute
{
    public PdftoppmFactAttribute()
    {
        if (RenderedPage.Pdftoppm is null)
            Skip = "pdftoppm is not installed (apt-get install poppler-utils; scripts/test installs it): PDF pages cannot be rendered.";
    }
}

/// <summary>Page 1 of a PDF rendered by pdftoppm to an 8-bit grey PNG, and that PNG decoded.</summary>
internal sealed class RenderedPage
{
    public static string? Pdftoppm { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "pdftoppm"))
        .FirstOrDefault(File.Exists);

    private RenderedPage(int width, int height, byte[] pixels, byte[] png)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
        Png = png;
    }

    public int Width { get; }
    public int Height { get; }
    /// <summary>Row by row, 0 = black, 255 = white.</summary>
    public byte[] Pixels { get; }
    public byte[] Png { get; }

    public byte this[int x, int y] => Pixels[y * Width + x];

    public static async Task<RenderedPage> RenderAsync(byte[] pdf, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var start = new ProcessStartInfo(Pdftoppm!) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", input, Path.Combine(dir.FullName, "page") })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
            var png = await File.ReadAllBytesAsync(Path.Combine(dir.FullName, "page.png"));
            var (width, height, pixels) = DecodeGreyPng(png);
            return new RenderedPage(width, height, pixels, png);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Enough of PNG for pdftoppm's output: 8-bit grey or RGB, not interlaced; RGB is averaged to grey.</summary>
    private static (int Width, int Height, byte[] Pixels) DecodeGreyPng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        int width = 0, height = 0, channels = 1;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);  // bit depth
                Assert.Contains(data[9], new byte[] { 0, 2 }); // grey or RGB
                channels = data[9] == 2 ? 3 : 1;
                Assert.Equal(0, data[12]); // no interlace
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var samples = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? samples[y * stride + x - channels] : 0;
                int b = y > 0 ? samples[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? samples[(y - 1) * stride + x - channels] : 0;
                int v = raw[y * (stride + 1) + 1 + x];
                samples[y * stride + x] = (byte)(filter switch
                {
                    0 => v,
                    1 => v + a,
                    2 => v + b,
                    3 => v + (a + b) / 2,
                    4 => v + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var sum = 0;
            for (var k = 0; k < channels; k++) sum += samples[i * channels + k];
            pixels[i] = (byte)(sum / channels);
        }
        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

/// <summary>Dev-only: each test's files land in artifacts/documents/ (git-ignored) to open and look at.</summary>
internal static class Artifacts
{
    public static void Save(string name, byte[] content)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx"))) dir = dir.Parent;
        if (dir is null) return;
        var target = Path.Combine(dir.FullName, "artifacts", "documents");
        Directory.CreateDirectory(target);
        File.WriteAllBytes(Path.Combine(target, name), content);
    }
}

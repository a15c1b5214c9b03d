using System.Diagnostics;
using System.Text.RegularExpressions;
using Gongkai.Tests.Documents;

namespace Gongkai.Tests.AnnualReports;

/// <summary>
/// The annual report's DOCX opened and converted by LibreOffice, and both PDFs (LibreOffice's and ours)
/// rendered by poppler: page 1 is a real image with ink, and the text holds the title and table 三's
/// first row. scripts/test installs libreoffice-writer-nogui and poppler-utils, so a missing program fails.
/// </summary>
public sealed class LibreOfficeTests
{
    private const string Title = "2025年政府信息公开工作年度报告";
    private const string FirstRow = "本年新收政府信息公开申请数量";

    [Fact]
    public async Task LibreOffice_opens_the_docx_and_shows_the_chinese_text()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-soffice-");
        try
        {
            var docx = Path.Combine(dir.FullName, "report.docx");
            await File.WriteAllBytesAsync(docx, AnnualReportFilesTests.Docx(SampleReports.Content()));
            // Its own profile: parallel runs (and a running LibreOffice) would otherwise share one and clash.
            var profile = new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri;
            await RunAsync(Program("soffice"), TimeSpan.FromMinutes(3), $"-env:UserInstallation={profile}",
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.FullName, docx);
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
            var bytes = await File.ReadAllBytesAsync(pdf);
            Artifacts.Save("annual-report-2025.libreoffice.pdf", bytes);

            await AssertShowsTheReport(bytes, pdf);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Poppler_renders_our_pdf_with_the_chinese_text()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-pdf-");
        try
        {
            var bytes = AnnualReportFilesTests.Pdf(SampleReports.Content());
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllBytesAsync(pdf, bytes);
            await AssertShowsTheReport(bytes, pdf);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Page 1 renders with ink, and the text layer holds the Chinese title and the first row label.</summary>
    private static async Task AssertShowsTheReport(byte[] bytes, string pdf)
    {
        await AssertPageOneHasInk(bytes);
        var text = await PdfTextAsync(pdf);
        Assert.Contains(Title, text);
        Assert.Contains(FirstRow, text);
    }

    /// <summary>pdftoppm -png -r 50 of page 1: a PNG of about A4 proportions with dark pixels on it.</summary>
    private static async Task AssertPageOneHasInk(byte[] pdf)
    {
        Assert.NotNull(RenderedPage.Pdftoppm);
        var page = await RenderedPage.RenderAsync(pdf, 50);
        Assert.InRange(page.Width, 400, 430); // A4: 8.27 in × 50 dpi ≈ 413 px
        Assert.InRange(page.Height / (double)page.Width, 1.35, 1.48);
        var ink = page.Pixels.Count(p => p < 128);
        Assert.True(ink > page.Pixels.Length / 200, $"page 1 has only {ink} dark pixels of {page.Pixels.Length}");
    }

    private static async Task<string> PdfTextAsync(string pdf)
    {
        var output = await RunAsync(Program("pdftotext"), TimeSpan.FromMinutes(1), "-enc", "UTF-8", pdf, "-");
        return Regex.Replace(output, @"\s", "");
    }

    private static string Program(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException($"{name} is not installed (scripts/test installs it: libreoffice-writer-nogui, poppler-utils).");

    private static async Task<string> RunAsync(string program, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{Path.GetFileName(program)} did not finish within {timeout}");
        }
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}

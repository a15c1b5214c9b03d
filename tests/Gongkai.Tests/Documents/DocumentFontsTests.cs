using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Features.Documents;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Gongkai.Tests.Documents;

/// <summary>Which fonts the PDF writer finds, and what it says when it finds none.</summary>
public sealed class DocumentFontsTests
{
    private const string Uming = "/usr/share/fonts/truetype/arphic/uming.ttc";
    private const string NotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    [Fact]
    public void A_collection_gives_its_simplified_chinese_face_as_a_standalone_truetype_font()
    {
        var face = SfntFace.Load(Uming);
        Assert.Equal("AR PL UMing CN", face.FamilyName);
        Assert.True(face.HasTrueTypeOutlines);
        Assert.Equal(0x00010000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(face.Data)); // an sfnt, not 'ttcf'
        Assert.True(face.Data.Length < new FileInfo(Uming).Length);
    }

    [Fact]
    public void A_cff_font_is_refused_with_a_chinese_reason()
    {
        Assert.True(File.Exists(NotoSerif), "fonts-noto-cjk is installed by scripts/test");
        Assert.False(SfntFace.Load(NotoSerif).HasTrueTypeOutlines);
        var fonts = new DocumentFonts(new DocumentOptions { SerifFont = NotoSerif }, FontCandidates.System);
        var error = Assert.Throws<DocumentFontException>(() => fonts.Faces());
        Assert.Contains("Gongkai:Documents:SerifFont", error.Message);
        Assert.Contains("CFF", error.Message);
        Assert.Contains("TrueType", error.Message);
    }

    [Fact]
    public void No_font_anywhere_says_what_to_install_and_which_settings_to_set()
    {
        var none = new FontCandidates(["/nonexistent/a.ttf"], [], []);
        var writer = new PdfWriter(new DocumentFonts(new DocumentOptions(), none), TimeProvider.System);
        var error = Assert.Throws<DocumentFontException>(() => writer.Write(new OfficialDocument("测试")));
        Assert.Equal(DocumentFonts.Missing, error.Message);
        Assert.Contains("fonts-wqy-zenhei", error.Message);
        Assert.Contains("Gongkai:Documents:SansFont", error.Message);
    }

    [Fact]
    public void A_missing_role_borrows_another_face()
    {
        var sansOnly = new FontCandidates([], ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"], []);
        var pdf = new PdfWriter(new DocumentFonts(new DocumentOptions(), sansOnly), TimeProvider.System)
            .Write(SampleDocuments.ReplyLetter());
        using var read = PdfDocument.Open(pdf);
        Assert.All(read.GetPage(1).Letters.Where(l => l.Value.Trim().Length > 0), l => Assert.Contains("Zen Hei", l.FontName));
    }
}

public sealed class ConfiguredFontFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Gongkai:Documents:SerifFont", "/usr/share/fonts/truetype/arphic/ukai.ttc")];
}

/// <summary>The writers as the app provides them, with the font settings bound from configuration.</summary>
public sealed class DocumentSettingsTests(ConfiguredFontFactory app) : IClassFixture<ConfiguredFontFactory>
{
    [Fact]
    public void The_configured_serif_font_sets_the_body_text()
    {
        var pdf = app.Services.GetRequiredService<PdfWriter>().Write(SampleDocuments.ReplyLetter());
        using var read = PdfDocument.Open(pdf);
        var recipient = read.GetPage(1).Letters.First(l => l.Value == "张");
        Assert.Contains("UKai", recipient.FontName);
        Assert.NotEmpty(app.Services.GetRequiredService<DocxWriter>().Write(SampleDocuments.ReplyLetter()));
    }

    [Fact]
    public async Task A_font_setting_naming_a_missing_file_stops_the_server()
    {
        var factory = new ConfiguredFontFactory();
        try
        {
            using var broken = factory.WithWebHostBuilder(b => b.UseSetting("Gongkai:Documents:SansFont", "/nonexistent/simhei.ttf"));
            var error = Assert.ThrowsAny<Exception>(() => broken.Server);
            Assert.Contains("Gongkai:Documents:SansFont", error.ToString());
            Assert.Contains("字体文件不存在", error.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_missing_font_becomes_a_chinese_problem_not_a_500()
    {
        // No route writes a PDF yet (reply letters and the annual report will): ask the app's exception handler directly.
        var handler = app.Services.GetRequiredService<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
        context.Request.Path = "/api/reports/annual/2025.pdf";
        context.Response.Body = new MemoryStream();
        Assert.True(await handler.TryHandleAsync(context, new DocumentFontException(DocumentFonts.Missing), CancellationToken.None));
        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal(DocumentFonts.Missing, problem.GetProperty("detail").GetString());
    }
}

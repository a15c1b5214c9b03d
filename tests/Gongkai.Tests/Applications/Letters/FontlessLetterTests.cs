using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Letters.LettersTestKit;

namespace Gongkai.Tests.Applications.Letters;

/// <summary>A server without Chinese fonts: the reply is recorded, the PDF waits, staff regenerate it once fonts are installed.</summary>
public sealed class FontlessLetterTests(FontlessFactory app) : IClassFixture<FontlessFactory>
{
    [Fact]
    public async Task Without_fonts_the_reply_stands_and_the_pdf_is_written_when_staff_regenerate()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RepliedAsync(staff, "granted", "予以公开。", description: "无字体测试");
        Assert.Equal("replied", (await DetailAsync(staff, a.Id)).GetProperty("clock").Str("status"));

        var letter = await LetterAsync(staff, a.Id);
        Assert.False(letter.GetProperty("complete").GetBoolean());
        Assert.Equal(JsonValueKind.Null, letter.GetProperty("pdf").ValueKind);
        Assert.Contains("PDF 文件未能生成", letter.Str("error"));
        Assert.Contains("fonts-arphic-uming", letter.Str("error"));
        var docxSha = letter.GetProperty("docx").Str("sha256");
        var docx = await DownloadAsync(staff, $"/api/admin/applications/{a.Id}/letter.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Assert.Contains("予以公开", DocxText(docx));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/admin/applications/{a.Id}/letter.pdf")).StatusCode);

        using var pages = await app.SignedInAsync("xinxiyuan");
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync($"/admin/applications/{a.Id}/letter"));
        Assert.Contains("告知书文件未全部生成，答复已经记录", page);
        Assert.Contains("重新生成未生成的文件", page);

        var stillMissing = await staff.PostAsync($"/api/admin/applications/{a.Id}/letter", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stillMissing.StatusCode);
        Assert.Contains("字体", (await stillMissing.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));

        app.InstallFonts();
        var regenerated = await pages.PostFormAsync($"/admin/applications/{a.Id}/letter", [], $"/admin/applications/{a.Id}/letter");
        Assert.Equal(HttpStatusCode.Redirect, regenerated.StatusCode);

        letter = await LetterAsync(staff, a.Id);
        Assert.True(letter.GetProperty("complete").GetBoolean(), letter.GetRawText());
        Assert.Null(letter.Str("error"));
        Assert.Equal(docxSha, letter.GetProperty("docx").Str("sha256")); // the Word file sent before is kept as it was
        var pdf = await DownloadAsync(staff, $"/api/admin/applications/{a.Id}/letter.pdf", "application/pdf");
        Assert.Contains("无字体测试", PdfText(pdf));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/admin/applications/{a.Id}/letter", null)).StatusCode);
    }
}

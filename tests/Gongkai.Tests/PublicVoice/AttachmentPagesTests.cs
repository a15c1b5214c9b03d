using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.PublicVoice;

/// <summary>Files on the portal form and on the staff case page: checked before anything is filed; downloaded by staff.</summary>
public sealed partial class AttachmentPagesTests(PublicVoiceFactory app) : IClassFixture<PublicVoiceFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];

    private static MultipartFormDataContent Form(PagesTests.OpenForm form, string title, params (byte[] Bytes, string Name)[] files)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(title), "Input.Title" },
            { new StringContent("附件测试的内容"), "Input.Content" },
            { new StringContent(form.Answer), "Input.Answer" },
            { new StringContent(form.Token), "Input.Token" },
            { new StringContent(""), "Input.Website" },
            { new StringContent(form.Antiforgery), "__RequestVerificationToken" },
        };
        foreach (var (bytes, name) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", name);
        }
        return content;
    }

    [Fact]
    public async Task A_refused_file_files_nothing_and_a_good_one_reaches_the_case()
    {
        using var citizen = app.Anonymous();
        var title = "附件表单" + Guid.NewGuid().ToString("N")[..6];
        var form = await PagesTests.OpenFormAsync(citizen, "/opinions/new");
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var refused = await citizen.PostAsync("/opinions/new", Form(form, title, (Png, "照片.png"), ("MZ not a pdf"u8.ToArray(), "材料.pdf")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("扩展名与文件内容不符", page);
        Assert.Contains(title, page);
        Assert.Equal(0, app.Db(db => db.Cases.Count(c => c.Title == title)));

        var again = await PagesTests.OpenFormAsync(citizen, "/opinions/new");
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var filed = await citizen.PostAsync("/opinions/new", Form(again, title, (Png, "照片.png")));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var id = app.Db(db => db.Cases.Single(c => c.Title == title).Id);
        Assert.Equal(["照片.png"], app.Db(db => db.CaseAttachments.Where(a => a.CaseId == id && a.FromCitizen).Select(a => a.FileName).ToList()));

        // Staff download it from the case page, and upload one of their own there.
        using var office = await app.SignedInAsync("bangong");
        var casePage = await office.GetStringAsync($"/admin/cases/{id}");
        var link = LinkPattern().Match(casePage).Groups[1].Value;
        Assert.Equal(Png, await office.GetByteArrayAsync(link));
        var upload = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(casePage)), "__RequestVerificationToken" },
            { new ByteArrayContent("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray()), "file", "来信扫描件.pdf" },
        };
        var uploaded = await office.PostAsync($"/admin/cases/{id}?handler=Attach", upload);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("来信扫描件.pdf", await office.GetStringAsync($"/admin/cases/{id}"));
        var wrong = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(casePage)), "__RequestVerificationToken" },
            { new ByteArrayContent([1, 2, 3]), "file", "run.exe" },
        };
        var refusedUpload = await office.PostAsync($"/admin/cases/{id}?handler=Attach", wrong);
        Assert.Equal(HttpStatusCode.OK, refusedUpload.StatusCode);
        Assert.Contains("不支持", await refusedUpload.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("href=\"(/admin/cases/\\d+/attachments/\\d+)\"")]
    private static partial Regex LinkPattern();
}

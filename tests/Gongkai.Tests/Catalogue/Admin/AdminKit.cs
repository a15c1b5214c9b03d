using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Features.Search;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Gongkai.Tests.Catalogue.Admin;

/// <summary>Arranging items, posting the staff pages like a browser without JavaScript, and real files to upload.</summary>
internal static class AdminKit
{
    /// <summary>A valid 18-digit ID number (check digit X) and how the check shows it.</summary>
    public const string IdNumber = "11010519491231002X";
    public const string MaskedIdNumber = "1101**********002X";

    public static object Draft(string title, string department = "jyj", string body = "<p>经研究，现将有关事项通知如下。</p>") => new
    {
        title, department, writtenOn = "2026-02-20", category = "a20-11", documentNumber = "明教发〔2026〕3号", theme = "t11-02",
        keywords = "测试", summary = "测试摘要", body,
    };

    public static async Task<long> CreateAsync(this GongkaiFactory app, string user, object draft)
    {
        using var api = await app.ApiAs(user);
        var response = await api.PostAsJsonAsync("/api/items", draft);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Drafted by an editor, submitted, approved by a reviewer of the department (or the office).</summary>
    public static async Task<long> PublishedAsync(this GongkaiFactory app, string title, string editor = "xinxiyuan", string reviewer = "shenheren", string department = "jyj")
    {
        var id = await app.CreateAsync(editor, Draft(title, department));
        using var e = await app.ApiAs(editor);
        Assert.Equal(HttpStatusCode.OK, (await e.PostAsync($"/api/items/{id}/submit", null)).StatusCode);
        using var r = await app.ApiAs(reviewer);
        Assert.Equal(HttpStatusCode.OK, (await r.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        return id;
    }

    /// <summary>A page refuses a signed-in member of staff by sending them to the "no permission" page.</summary>
    public static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal),
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    public static Task<int> CatchUpSearchAsync(this GongkaiFactory app) => app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(default);

    public static string State(this GongkaiFactory app, long id) => app.Db(db => db.Items.Single(i => i.Id == id).State.ToString());

    /// <summary>A form post to one of the item page's handlers, with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, long id, string handler, params (string Name, string Value)[] fields) =>
        client.PostFormAsync($"/admin/items/{id}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), $"/admin/items/{id}");

    /// <summary>Uploads a file through the edit page's multipart form, as a browser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, long id, string fileName, byte[] bytes)
    {
        var page = await client.GetStringAsync($"/admin/items/{id}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "upload", fileName },
        };
        return await client.PostAsync($"/admin/items/{id}?handler=Upload", content);
    }

    /// <summary>Uploads through POST /api/items/{id}/attachments with a bearer token.</summary>
    public static async Task<HttpResponseMessage> UploadApiAsync(this HttpClient api, long id, string fileName, byte[] bytes)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        return await api.PostAsync($"/api/items/{id}/attachments", content);
    }

    /// <summary>The page as text: entities decoded, so that Chinese and masked numbers can be looked for as they read.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.TextAsync();
    }

    public static byte[] Docx(params string[] paragraphs) => Docx(paragraphs, []);

    /// <summary>A real Word document: paragraphs in the body, then a table with one row of the given cells.</summary>
    public static byte[] Docx(string[] paragraphs, string[] cells)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p)))));
            if (cells.Length > 0)
                body.Append(new Table(new TableRow(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))))));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>A real workbook with a sheet per entry, each a list of rows.</summary>
    public static byte[] Xlsx(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A real PDF with one page of ASCII lines in Helvetica (the standard fonts have no Chinese).</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 780;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new PdfPoint(50, y), font);
            y -= 20;
        }
        return builder.Build();
    }

    /// <summary>The smallest valid PNG: a 1×1 transparent pixel.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}

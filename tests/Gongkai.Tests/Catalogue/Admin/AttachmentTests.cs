using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalogue.Admin;

/// <summary>Attachments: real PDF, DOCX and XLSX files, their text, the personal-data check, storage and download.</summary>
public sealed class AttachmentTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task An_ID_number_in_a_Word_attachment_stops_approval_until_the_reviewer_overrides_with_a_reason()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("困难学生资助名单公示"));
        using var editor = await app.SignedInAsync("xinxiyuan");
        var docx = AdminKit.Docx(["2026年春季学期困难学生资助名单"], ["张三", AdminKit.IdNumber, "一等"]);
        var uploaded = await editor.UploadAsync(id, "资助名单.docx", docx);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var stored = app.Db(db => db.ItemAttachments.AsNoTracking().Single(a => a.ItemId == id));
        Assert.Equal("资助名单.docx", stored.FileName);
        Assert.Contains("困难学生资助名单", stored.ExtractedText);
        Assert.Contains(AdminKit.IdNumber, stored.ExtractedText); // table cells are read, each on its own line
        Assert.Contains("张三\n" + AdminKit.IdNumber, stored.ExtractedText);

        // The editor is warned before submitting.
        Assert.Contains("附件：资助名单.docx", await editor.PageAsync($"/admin/items/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.ActAsync(id, "Submit")).StatusCode);

        using var reviewer = await app.SignedInAsync("shenheren");
        var refused = await reviewer.ActAsync(id, "Approve", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.TextAsync();
        Assert.Contains("不能发布", page);
        Assert.Contains("<td>附件：资助名单.docx</td><td>身份证号码</td>", page);
        Assert.Contains(AdminKit.MaskedIdNumber, page);
        Assert.DoesNotContain(AdminKit.IdNumber, page);
        Assert.Contains("仍然发布的理由", page);
        Assert.Equal("Submitted", app.State(id));

        var noReason = await reviewer.ActAsync(id, "Approve", ("overriding", "true"), ("overrideReason", ""), ("confirm", "true"));
        Assert.Contains("请填写仍然发布的理由", await noReason.TextAsync());
        Assert.Equal("Submitted", app.State(id));

        var overridden = await reviewer.ActAsync(id, "Approve", ("overriding", "true"), ("overrideReason", "资助名单依规定公示，已获学生监护人书面同意"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);
        Assert.Equal("Published", app.State(id));
        var audit = app.Db(db => db.AuditEntries.AsNoTracking().Single(e => e.Action == "PersonalDataOverride" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("shenheren", audit.ActorName);
        Assert.Contains("已获学生监护人书面同意", audit.After);
        Assert.Contains("附件：资助名单.docx", audit.After);
    }

    [Fact]
    public async Task The_text_of_a_PDF_is_extracted_and_found_by_search_once_published()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("水质监测季度报告"));
        var pdf = AdminKit.Pdf("Quarterly water quality report", "Sampling point Xylophagous7 at Minghu reservoir");
        using var api = await app.ApiAs("xinxiyuan");
        var response = await api.UploadApiAsync(id, "water-report.pdf", pdf);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), body.GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, body.GetProperty("size").GetInt64());
        Assert.Equal("water-report.pdf", body.GetProperty("fileName").GetString());
        var attachmentId = body.GetProperty("id").GetInt64();
        Assert.Equal($"/items/{id}/attachments/{attachmentId}", response.Headers.Location!.OriginalString);

        var text = app.Db(db => db.ItemAttachments.Single(a => a.Id == attachmentId).ExtractedText);
        Assert.Contains("Xylophagous7", text);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/items/{id}/submit", null)).StatusCode);
        using var reviewer = await app.ApiAs("shenheren");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        await app.CatchUpSearchAsync();

        using var anon = app.Anonymous();
        var found = await anon.GetFromJsonAsync<JsonElement>("/api/items?q=xylophagous7");
        Assert.Equal(1, found.GetProperty("total").GetInt64());
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Every_sheet_of_a_workbook_is_read()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("经费明细"));
        var xlsx = AdminKit.Xlsx(new()
        {
            ["汇总"] = new[] { new { 项目 = "校舍维修", 金额 = 120000 } },
            ["明细"] = new[] { new { 项目 = "操场翻新", 联系电话 = "13800138000" } },
        });
        using var editor = await app.SignedInAsync("xinxiyuan");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.UploadAsync(id, "经费.xlsx", xlsx)).StatusCode);
        var text = app.Db(db => db.ItemAttachments.Single(a => a.ItemId == id).ExtractedText)!;
        Assert.Contains("校舍维修", text);
        Assert.Contains("120000", text);
        Assert.Contains("操场翻新", text);
        Assert.Contains("13800138000", text);
        Assert.Contains("附件：经费.xlsx", await editor.PageAsync($"/admin/items/{id}")); // the mobile number is flagged
    }

    [Fact]
    public async Task A_file_whose_content_is_not_what_its_extension_says_is_refused_and_so_are_other_types()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("类型检查"));
        using var editor = await app.SignedInAsync("xinxiyuan");
        var fake = await editor.UploadAsync(id, "通知.pdf", AdminKit.Png);
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        var page = await fake.TextAsync();
        Assert.Contains("“通知.pdf”的内容不是PDF 文件（扩展名与文件内容不符）", page);
        Assert.Contains("id=\"Upload-error\"", page);

        var exe = await editor.UploadAsync(id, "setup.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Contains("附件只能是 PDF、DOCX、XLSX、PNG、JPEG 文件", await exe.TextAsync());

        // A zip that is not a Word document, and a PDF cut short: unreadable, so not accepted unchecked.
        var broken = await editor.UploadAsync(id, "损坏.docx", [.. "PK\x03\x04"u8, .. new byte[200]]);
        Assert.Contains("无法读取“损坏.docx”的内容", await broken.TextAsync());
        var truncated = AdminKit.Pdf("Some text")[..40];
        var cut = await editor.UploadAsync(id, "cut.pdf", truncated);
        Assert.Contains("无法读取“cut.pdf”的内容", await cut.TextAsync());

        using var api = await app.ApiAs("xinxiyuan");
        var viaApi = await api.UploadApiAsync(id, "photo.pdf", AdminKit.Png);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, viaApi.StatusCode);
        Assert.Contains("扩展名与文件内容不符", (await viaApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.False(app.Db(db => db.ItemAttachments.Any(a => a.ItemId == id)));
        Assert.Empty(Directory.Exists(Path.Combine(app.DataPath, "files", "items"))
            ? Directory.EnumerateFiles(Path.Combine(app.DataPath, "files", "items"), "*", SearchOption.AllDirectories).Where(f => !IsKnownGood(f))
            : []);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataPath, ".uploads"))); // no temp files left behind
    }

    /// <summary>Files other tests of this class stored legitimately.</summary>
    private bool IsKnownGood(string path) => app.Db(db => db.ItemAttachments.Select(a => a.Sha256).ToList()).Any(sha => path.Contains(sha, StringComparison.Ordinal));

    [Fact]
    public async Task A_published_attachment_downloads_with_its_name_and_a_drafts_is_hidden_from_the_public_and_other_departments()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("下载测试"));
        var pdf = AdminKit.Pdf("Download test");
        using var editor = await app.SignedInAsync("xinxiyuan");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.UploadAsync(id, "招生简章 2026.pdf", pdf)).StatusCode);
        var attachment = app.Db(db => db.ItemAttachments.AsNoTracking().Single(a => a.ItemId == id));
        var url = $"/items/{id}/attachments/{attachment.Id}";
        Assert.Matches($"^items/\\d{{4}}/{attachment.Sha256[..2]}/{attachment.Sha256}\\.pdf$", attachment.StoredPath);
        Assert.True(File.Exists(Path.Combine(app.DataPath, "files", attachment.StoredPath)));

        using var anon = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync(url)).StatusCode);
        using var other = await app.SignedInAsync("minzheng");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        var own = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("no-store", own.Headers.CacheControl!.ToString());

        using (var e = await app.ApiAs("xinxiyuan")) await e.PostAsync($"/api/items/{id}/submit", null);
        using (var r = await app.ApiAs("shenheren")) await r.PostAsJsonAsync($"/api/items/{id}/approve", new { });
        var download = await anon.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("招生简章 2026.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E6%8B%9B%E7%94%9F", download.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Contains("招生简章 2026.pdf", await anon.PageAsync($"/items/{id}")); // listed on the public page
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/items/{id}/attachments/{attachment.Id + 1000}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_attachment_needs_the_confirmation_and_is_possible_only_before_submission()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("删除附件测试"));
        using var editor = await app.SignedInAsync("xinxiyuan");
        var docx = AdminKit.Docx("删除附件测试 unique-content-4711");
        await editor.UploadAsync(id, "说明.docx", docx);
        var attachment = app.Db(db => db.ItemAttachments.AsNoTracking().Single(a => a.ItemId == id));
        var file = Path.Combine(app.DataPath, "files", attachment.StoredPath);
        var attachmentId = attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var unconfirmed = await editor.ActAsync(id, "DeleteAttachment", ("attachmentId", attachmentId));
        Assert.Contains("请勾选“确认删除”后再删除附件", await unconfirmed.TextAsync());
        Assert.True(app.Db(db => db.ItemAttachments.Any(a => a.Id == attachment.Id)));

        var deleted = await editor.ActAsync(id, "DeleteAttachment", ("attachmentId", attachmentId), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(app.Db(db => db.ItemAttachments.Any(a => a.Id == attachment.Id)));
        Assert.False(File.Exists(file));
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.EntityType == "ItemAttachment" && e.Action == "Deleted" && e.EntityId == attachmentId)));
        Assert.True(app.Db(db => db.ChangeLog.Count(c => c.EntityId == id)) >= 2); // added and removed: the index follows both

        // Through the API, and not once the item is submitted.
        using var api = await app.ApiAs("xinxiyuan");
        var created = await api.UploadApiAsync(id, "说明.docx", docx);
        var again = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await api.PostAsync($"/api/items/{id}/submit", null);
        var refused = await api.DeleteAsync($"/api/items/{id}/attachments/{again}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只有草稿或已退回的信息可以添加或删除附件", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("upload-form", await editor.PageAsync($"/admin/items/{id}"));
        using var reviewer = await app.ApiAs("shenheren");
        await reviewer.PostAsJsonAsync($"/api/items/{id}/return", new { reason = "附件需更新" });
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/items/{id}/attachments/{again}")).StatusCode);
        using var other = await app.ApiAs("minzheng");
        Assert.Equal(HttpStatusCode.NotFound, (await other.UploadApiAsync(id, "x.pdf", AdminKit.Pdf("x"))).StatusCode);
        using var anon = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.UploadApiAsync(id, "x.pdf", AdminKit.Pdf("x"))).StatusCode);
    }

    [Fact]
    public void Uploads_left_half_written_by_a_crash_are_swept_but_not_ones_in_progress()
    {
        var staging = Path.Combine(app.DataPath, ".uploads");
        Directory.CreateDirectory(staging);
        var stale = Path.Combine(staging, "crashed.part");
        var fresh = Path.Combine(staging, "in-progress.part");
        File.WriteAllText(stale, "half");
        File.WriteAllText(fresh, "half");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        var store = app.Services.GetRequiredService<Gongkai.Features.Catalogue.Attachments.AttachmentStore>();
        Assert.Equal(1, store.SweepStaging(DateTime.UtcNow, TimeSpan.FromHours(1)));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        File.Delete(fresh);
    }
}

/// <summary>A deployment with a small attachment limit.</summary>
public sealed class SmallAttachmentLimitFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Gongkai:Catalogue:MaxAttachmentBytes", "4096")];
}

public sealed class AttachmentLimitTests(SmallAttachmentLimitFactory app) : IClassFixture<SmallAttachmentLimitFactory>
{
    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_and_nothing_is_kept()
    {
        var id = await app.CreateAsync("xinxiyuan", AdminKit.Draft("大小限制"));
        var big = AdminKit.Pdf([.. Enumerable.Range(0, 40).Select(n => Convert.ToHexString(RandomNumberGenerator.GetBytes(40)))]);
        Assert.True(big.Length > 4096);
        using var editor = await app.SignedInAsync("xinxiyuan");
        var page = await editor.UploadAsync(id, "大文件.pdf", big);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.TextAsync();
        Assert.Contains("“大文件.pdf”超过了附件大小上限 4 KB", text);
        Assert.Contains("不超过 4 KB", text);

        using var api = await app.ApiAs("xinxiyuan");
        var viaApi = await api.UploadApiAsync(id, "big.pdf", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, viaApi.StatusCode);

        var small = AdminKit.Pdf("small");
        Assert.Equal(HttpStatusCode.Created, (await api.UploadApiAsync(id, "small.pdf", small)).StatusCode);
        Assert.Equal(["small.pdf"], app.Db(db => db.ItemAttachments.Where(a => a.ItemId == id).Select(a => a.FileName).ToList()));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(app.DataPath, "files", "items"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataPath, ".uploads")));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Applications;
using Gongkai.Features.Applications.Letters;
using Gongkai.Tests.Documents;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Applications.ApplicationsTestKit;
using static Gongkai.Tests.Applications.Letters.LettersTestKit;

namespace Gongkai.Tests.Applications.Letters;

/// <summary>The reply letter (告知书) of every outcome, as staff and the applicant download it.</summary>
public sealed class ReplyLetterTests(LettersFactory app) : IClassFixture<LettersFactory>
{
    private const string PdfType = "application/pdf";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static TheoryData<string> Outcomes => [.. ReplyOutcomes.All.Select(o => o.Code)];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Every_outcome_gives_a_letter_with_its_decision_basis_and_both_remedies(string code)
    {
        Assert.True(ReplyOutcomes.TryParse(code, out var outcome));
        using var staff = await app.ApiAs("xinxiyuan");
        var notHeld = outcome == ReplyOutcome.UnavailableNotHeld;
        var reasons = $"经查，{outcome.Info().Name}（测试理由）。";
        var a = await RepliedAsync(staff, code, reasons,
            extra: notHeld ? new { otherBody = "明湖区住房和城乡建设局", otherBodyContact = "0451-86661234" } : null);

        var letter = await LetterAsync(staff, a.Id);
        Assert.True(letter.GetProperty("complete").GetBoolean(), letter.GetRawText());
        var number = letter.Str("number")!;
        Assert.Matches(@"^明湖教依复〔2026〕[1-9]\d*号$", number);

        var pdf = await DownloadAsync(staff, $"/api/admin/applications/{a.Id}/letter.pdf", PdfType);
        var docx = await DownloadAsync(staff, $"/api/admin/applications/{a.Id}/letter.docx", DocxType);
        Assert.Equal(letter.GetProperty("pdf").Str("sha256"), Sha256(pdf));
        Assert.Equal(letter.GetProperty("docx").Str("sha256"), Sha256(docx));
        Artifacts.Save($"reply-letter-{code}.pdf", pdf);
        Artifacts.Save($"reply-letter-{code}.docx", docx);

        var expected = new List<string>
        {
            "明湖区教育局政府信息公开申请答复告知书", number, "李四：", ChineseDate(OutcomeCase.For(code).ReceivedOn), "2025年明湖区中小学校舍维修项目清单及资金安排",
            LetterWording.Decision(outcome, "你"), LetterWording.Basis(outcome, RulesVersion.Rules2019), reasons,
            $"自收到本告知书之日起60日内向{ReviewBody}申请行政复议", "《中华人民共和国行政复议法》",
            $"《中华人民共和国行政诉讼法》第四十六条的规定，自收到本告知书之日起6个月内向{Court}提起行政诉讼",
        };
        // Every letter cites an article of the 2019 条例 (the basis of each row is the domain's, tested there).
        Assert.StartsWith("《中华人民共和国政府信息公开条例》第", LetterWording.Basis(outcome, RulesVersion.Rules2019));
        if (notHeld) expected.Add("经了解，该政府信息由明湖区住房和城乡建设局负责公开（联系方式：0451-86661234）");
        if (outcome.Group() is OutcomeGroup.Granted or OutcomeGroup.Partial) expected.Add("本机关按照你申请时选择的方式（邮寄纸质件）提供上述政府信息。");
        foreach (var (format, text) in new[] { ("PDF", PdfText(pdf)), ("DOCX", DocxText(docx)) })
        {
            foreach (var e in expected) Assert.True(text.Contains(Squeeze(e), StringComparison.Ordinal), $"{format} of {code} lacks “{e}”:\n{text}");
            // A letter never carries the applicant's ID number or contact, in full or masked.
            foreach (var secret in new[] { IdNumber, "1101", Mobile, "139****5678" }) Assert.DoesNotContain(secret, text);
        }
    }

    private static string ChineseDate(string iso) => Gongkai.Features.Documents.ChineseText.Date(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task An_application_under_the_2007_rules_cites_the_2007_text()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, receivedOn: "2019-03-01", description: "2018年校舍维修资金");
        await OkStepAsync(staff, a.Id, "reply", new { on = "2019-03-15", outcome = "granted", text = "予以公开。" });

        var letter = await LetterAsync(staff, a.Id);
        Assert.Matches(@"^明湖教依复〔2019〕\d+号$", letter.Str("number"));
        var text = PdfText(await DownloadAsync(staff, $"/api/admin/applications/{a.Id}/letter.pdf", PdfType));
        Assert.Contains(Squeeze("根据《中华人民共和国政府信息公开条例》（2007年国务院令第492号）第二十一条第（一）项的规定"), text);
        Assert.DoesNotContain("第三十六条", text);
    }

    [Fact]
    public async Task Numbers_run_per_body_and_year()
    {
        using var jyj = await app.ApiAs("xinxiyuan");
        var first = await RepliedAsync(jyj, "granted", description: "编号测试一");
        var second = await RepliedAsync(jyj, "refused.process-info", description: "编号测试二");
        var n1 = Sequence((await LetterAsync(jyj, first.Id)).Str("number")!);
        var n2 = Sequence((await LetterAsync(jyj, second.Id)).Str("number")!);
        Assert.Equal(n1 + 1, n2);

        using var minzj = await app.ApiAs("minzheng");
        var other = await RepliedAsync(minzj, "granted", description: "民政编号测试", department: "minzj");
        Assert.Equal("明湖民依复〔2026〕1号", (await LetterAsync(minzj, other.Id)).Str("number"));
        Assert.Contains("明湖区民政局", PdfText(await DownloadAsync(minzj, $"/api/admin/applications/{other.Id}/letter.pdf", PdfType)));

        static int Sequence(string number) => int.Parse(number[(number.IndexOf('〕') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_applicant_downloads_with_code_and_key_in_a_form_post_or_a_header()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RepliedAsync(staff, "partial", "涉及第三方商业秘密的部分不予公开。", description: "申请人下载测试");
        var letter = await LetterAsync(staff, a.Id);

        using var citizen = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await citizen.PostFormAsync("/apply/track/letter", [new("code", a.TrackingCode.ToLowerInvariant()), new("key", a.AccessKey), new("format", "pdf")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PdfType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"政府信息公开申请答复告知书（{letter.Str("number")}）.pdf", disposition.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(letter.GetProperty("pdf").Str("sha256"), Sha256(await response.Content.ReadAsByteArrayAsync()));

        var word = await citizen.PostFormAsync("/apply/track/letter", [new("code", a.TrackingCode), new("key", a.AccessKey), new("format", "docx")]);
        Assert.Equal(letter.GetProperty("docx").Str("sha256"), Sha256(await word.Content.ReadAsByteArrayAsync()));

        var wrong = await citizen.PostFormAsync("/apply/track/letter", [new("code", a.TrackingCode), new("key", "AAAAA-BBBBB-CCCCC-DDDDD"), new("format", "pdf")]);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var page = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("没有找到答复告知书", page);
        Assert.DoesNotContain("%PDF", page);

        using var api = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{a.TrackingCode}/letter.docx");
        request.Headers.Add("X-Access-Key", a.AccessKey);
        var viaHeader = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
        Assert.Equal(letter.GetProperty("docx").Str("sha256"), Sha256(await viaHeader.Content.ReadAsByteArrayAsync()));
        using var badKey = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{a.TrackingCode}/letter.pdf");
        badKey.Headers.Add("X-Access-Key", "AAAAA-BBBBB-CCCCC-DDDDD");
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(badKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/applications/{a.TrackingCode}/letter.pdf")).StatusCode);
    }

    [Fact]
    public async Task Before_the_reply_there_is_no_letter_for_anyone()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, description: "尚未答复测试");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/admin/applications/{a.Id}/letter")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/admin/applications/{a.Id}/letter.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/admin/applications/{a.Id}/letter", null)).StatusCode);
        using var citizen = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await citizen.PostFormAsync("/apply/track/letter", [new("code", a.TrackingCode), new("key", a.AccessKey), new("format", "pdf")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_departments_staff_get_404_and_the_office_and_supervisors_see_it()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RepliedAsync(staff, "refused.third-party", "涉及商业秘密。", description: "部门范围测试");

        using var other = await app.ApiAs("minzheng");
        foreach (var url in new[] { "letter", "letter.pdf", "letter.docx" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/admin/applications/{a.Id}/{url}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/admin/applications/{a.Id}/letter", null)).StatusCode);
        using var otherPages = await app.SignedInAsync("minzheng");
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/admin/applications/{a.Id}/letter.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/admin/applications/{a.Id}/letter")).StatusCode);

        foreach (var user in new[] { "admin", "jianduyuan" })
        {
            using var reader = await app.ApiAs(user);
            await DownloadAsync(reader, $"/api/admin/applications/{a.Id}/letter.pdf", PdfType);
        }
        using var ownPages = await app.SignedInAsync("xinxiyuan");
        var pdf = await DownloadAsync(ownPages, $"/admin/applications/{a.Id}/letter.pdf", PdfType);
        Assert.Contains(Squeeze(LetterWording.Decision(ReplyOutcome.RefusedThirdParty, "你")), PdfText(pdf));
        var page = await ownPages.GetStringAsync($"/admin/applications/{a.Id}/letter");
        Assert.Contains($"/admin/applications/{a.Id}/letter.docx", page);

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/admin/applications/{a.Id}/letter.pdf")).StatusCode);
    }

    [Fact]
    public async Task An_application_closed_by_the_lapse_check_gets_its_letter_when_staff_generate_it()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, description: "逾期不补正告知书测试");
        await OkStepAsync(staff, a.Id, "correction-request", new { on = "2026-02-12", deadline = "2026-03-05" });
        await app.Services.GetRequiredService<Gongkai.Features.Applications.ApplicationLapseService>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/admin/applications/{a.Id}/letter")).StatusCode);

        var generated = await staff.PostAsJsonAsync($"/api/admin/applications/{a.Id}/letter", new { });
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.True((await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complete").GetBoolean());
        var text = PdfText(await DownloadAsync(staff, $"/api/admin/applications/{a.Id}/letter.pdf", PdfType));
        Assert.Contains(Squeeze(LetterWording.Decision(ReplyOutcome.OtherNoCorrection, "你")), text);
        Assert.Contains("2026年3月6日", text); // the day it closed, as the 成文日期

        var again = await staff.PostAsync($"/api/admin/applications/{a.Id}/letter", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("不再改变", (await again.Content.ReadFromJsonAsync<JsonElement>()).Str("detail"));
    }

    [Fact]
    public async Task Letter_files_sit_content_addressed_under_the_files_folder()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RepliedAsync(staff, "not-handled.repeat", description: "文件位置测试");
        var letter = await LetterAsync(staff, a.Id);
        var sha = letter.GetProperty("pdf").Str("sha256")!;
        var path = Path.Combine(app.DataPath, "files", "letters", "2026", sha[..2], sha + ".pdf");
        Assert.True(File.Exists(path), path);
        Assert.Equal(sha, Sha256(await File.ReadAllBytesAsync(path)));
        Assert.Equal(letter.GetProperty("pdf").GetProperty("size").GetInt64(), new FileInfo(path).Length);
    }

    [Fact]
    public async Task A_too_long_other_body_is_refused_before_anything_is_recorded()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var a = await RegisterAsync(staff, description: "过长机关名称测试");
        var response = await StepAsync(staff, a.Id, "reply", new { on = "2026-03-02", outcome = "unavailable.not-held", otherBody = new string('机', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("otherBody", out _));
        Assert.Equal("received", (await DetailAsync(staff, a.Id)).GetProperty("clock").Str("status"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/admin/applications/{a.Id}/letter")).StatusCode);
    }

    [Fact]
    public async Task The_tracking_page_component_knows_the_letter_only_with_the_right_key()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var open = await RegisterAsync(staff, description: "跟踪页组件测试（未答复）");
        var replied = await RepliedAsync(staff, "granted", description: "跟踪页组件测试");
        var number = (await LetterAsync(staff, replied.Id)).Str("number");

        await using var scope = app.Scope();
        var letters = scope.ServiceProvider.GetRequiredService<ReplyLetters>();
        var view = await letters.ApplicantViewAsync(replied.TrackingCode.ToLowerInvariant(), replied.AccessKey, default);
        Assert.Equal((replied.TrackingCode, number, true, true), (view!.TrackingCode, view.Number, view.HasPdf, view.HasDocx));
        Assert.Null(await letters.ApplicantViewAsync(replied.TrackingCode, "AAAAA-BBBBB-CCCCC-DDDDD", default));
        Assert.Null(await letters.ApplicantViewAsync(open.TrackingCode, open.AccessKey, default));
    }
}

using System.Net;
using Gongkai.Domain.Applications;
using Gongkai.Features.Applications.Letters;
using Gongkai.Tests.Catalogue.Admin;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Applications.Letters.LettersTestKit;

namespace Gongkai.Tests.Applications.Letters;

/// <summary>The office's letter templates: override, preview, refusal of bad placeholders, reset; what was sent stays as sent.</summary>
public sealed class LetterTemplateTests(LettersFactory app) : IClassFixture<LettersFactory>
{
    private const string Url = "/admin/letter-templates/refused";
    private const string Marker = "本告知书按公开办修改后的模板生成。";

    private static KeyValuePair<string, string>[] Form(string text, string outcome = "refused.third-party") =>
        [new("Text", text), new("Outcome", outcome)];

    private int TemplateRows() => app.Db(db => db.Set<ReplyLetterTemplate>().Count());

    [Fact]
    public async Task An_override_applies_to_later_letters_only_and_a_reset_brings_back_the_default()
    {
        using var staff = await app.ApiAs("xinxiyuan");
        var before = await RepliedAsync(staff, "refused.third-party", "涉及商业秘密。", description: "模板修改前的申请");
        var sentBefore = await LetterAsync(staff, before.Id);

        using var office = await app.SignedInAsync("admin");
        var text = LetterTemplates.Default(OutcomeGroup.Refused) + "\n" + Marker;
        var saved = await office.PostFormAsync(Url + "?handler=Save", Form(text), Url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(Marker, app.Db(db => db.Set<ReplyLetterTemplate>().Single(t => t.Group == OutcomeGroup.Refused).Text));
        Assert.Contains("已修改", await office.GetStringAsync("/admin/letter-templates"));
        // Audited with the text itself (a template holds no personal data).
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.EntityType == nameof(ReplyLetterTemplate) && e.Action == "Created" && e.After!.Contains(Marker))));

        var after = await RepliedAsync(staff, "refused.internal-affairs", "属于内部事务。", description: "模板修改后的申请");
        var afterText = PdfText(await DownloadAsync(staff, $"/api/admin/applications/{after.Id}/letter.pdf", "application/pdf"));
        Assert.Contains(Squeeze(Marker), afterText);
        Assert.Contains(Squeeze(LetterWording.Decision(ReplyOutcome.RefusedInternalAffairs, "你")), afterText);

        // The letter sent before the change is the same file, without the new text.
        var sentAgain = await LetterAsync(staff, before.Id);
        Assert.Equal(sentBefore.GetProperty("pdf").Str("sha256"), sentAgain.GetProperty("pdf").Str("sha256"));
        var beforeBytes = await DownloadAsync(staff, $"/api/admin/applications/{before.Id}/letter.pdf", "application/pdf");
        Assert.Equal(sentBefore.GetProperty("pdf").Str("sha256"), Sha256(beforeBytes));
        Assert.DoesNotContain(Squeeze(Marker), PdfText(beforeBytes));

        var reset = await office.PostFormAsync(Url + "?handler=Reset", [], Url);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(0, TemplateRows());
        Assert.True(app.Db(db => db.AuditEntries.Any(e => e.EntityType == nameof(ReplyLetterTemplate) && e.Action == "Deleted" && e.Before!.Contains(Marker))));
        var page = await office.GetStringAsync(Url);
        Assert.Contains("默认模板", page);
        Assert.DoesNotContain(Marker, page);

        var later = await RepliedAsync(staff, "refused.state-secret", "属于国家秘密。", description: "恢复默认后的申请");
        Assert.DoesNotContain(Squeeze(Marker), PdfText(await DownloadAsync(staff, $"/api/admin/applications/{later.Id}/letter.pdf", "application/pdf")));
    }

    [Theory]
    [InlineData("{申请人}：{答复意见}{法律依据}{救济途径}{未知字段}", "未知的占位符：{未知字段}")]
    [InlineData("{答复意见}{法律依据}{救济途径} 见{理由", "没有配对")]
    [InlineData("{答复意见}根据{法律依据}。", "必须包含{救济途径}")]
    [InlineData("   ", "请填写模板内容")]
    public async Task A_template_with_a_wrong_placeholder_is_refused_with_the_reason(string text, string message)
    {
        using var office = await app.SignedInAsync("admin");
        var rows = TemplateRows();
        foreach (var handler in new[] { "Save", "Preview" })
        {
            var response = await office.PostFormAsync($"{Url}?handler={handler}", Form(text), Url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("模板有误，未保存", page);
            Assert.DoesNotContain("预览（示例申请）", page);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(page));
        }
        Assert.Equal(rows, TemplateRows());
    }

    [Fact]
    public async Task Granted_and_unavailable_templates_must_say_how_to_obtain_and_who_holds_it()
    {
        using var office = await app.SignedInAsync("admin");
        var granted = await office.PostFormAsync("/admin/letter-templates/granted?handler=Save", Form("{答复意见}{法律依据}{救济途径}", "granted"), "/admin/letter-templates/granted");
        Assert.Contains("必须包含{获取方式}", System.Net.WebUtility.HtmlDecode(await granted.Content.ReadAsStringAsync()));
        var unavailable = await office.PostFormAsync("/admin/letter-templates/unavailable?handler=Save", Form("{答复意见}{法律依据}{救济途径}", "unavailable.not-held"), "/admin/letter-templates/unavailable");
        Assert.Contains("必须包含{其他机关}", System.Net.WebUtility.HtmlDecode(await unavailable.Content.ReadAsStringAsync()));
        Assert.Equal(0, TemplateRows());
    }

    [Fact]
    public async Task The_preview_fills_the_template_with_a_sample_application()
    {
        using var office = await app.SignedInAsync("admin");
        var text = LetterTemplates.Default(OutcomeGroup.Unavailable);
        var response = await office.PostFormAsync("/admin/letter-templates/unavailable?handler=Preview", Form(text, "unavailable.not-held"), "/admin/letter-templates/unavailable");
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("张三：", page);
        Assert.Contains(LetterWording.Decision(ReplyOutcome.UnavailableNotHeld, "你"), page);
        Assert.Contains("《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项", page);
        Assert.Contains("明湖政办依复〔", page);
        Assert.Contains($"60日内向{ReviewBody}申请行政复议", page);
        Assert.Equal(0, TemplateRows()); // a preview saves nothing
    }

    [Fact]
    public async Task Only_the_office_edits_templates()
    {
        using var editor = await app.SignedInAsync("xinxiyuan");
        AdminKit.AssertDenied(await editor.GetAsync("/admin/letter-templates"));
        AdminKit.AssertDenied(await editor.GetAsync(Url));
        using var office = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/admin/letter-templates/nonsense")).StatusCode);
        var list = await office.GetStringAsync("/admin/letter-templates");
        foreach (var group in Enum.GetValues<OutcomeGroup>()) Assert.Contains($"/admin/letter-templates/{group.Code()}", list);
    }
}

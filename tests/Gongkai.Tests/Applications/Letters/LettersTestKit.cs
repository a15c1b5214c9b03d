using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Features.Documents;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UglyToad.PdfPig;
using static Gongkai.Tests.Applications.ApplicationsTestKit;

namespace Gongkai.Tests.Applications.Letters;

/// <summary>Generous rate limits and no background lapse run, like <see cref="ApplicationsFactory"/>.</summary>
public class LettersFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:Applications:SubmissionsPerHour", "1000"),
        new("Gongkai:Applications:LookupsPerMinute", "1000"),
        new("Gongkai:Applications:CloseLapsedApplications", "false"),
    ];
}

/// <summary>
/// A server whose PDF writer finds no Chinese font until a test installs them (adds the system's
/// font files to the candidate lists): the machine without fonts-arphic-uming and the operator who
/// then installs it.
/// </summary>
public sealed class FontlessFactory : LettersFactory
{
    private readonly List<string> _serif = [];
    private readonly List<string> _sans = [];
    private readonly List<string> _kai = [];

    public void InstallFonts()
    {
        _serif.AddRange(FontCandidates.System.Serif);
        _sans.AddRange(FontCandidates.System.Sans);
        _kai.AddRange(FontCandidates.System.Kai);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<DocumentFonts>();
            services.AddSingleton(new DocumentFonts(new DocumentOptions(), new FontCandidates(_serif, _sans, _kai)));
        });
    }
}

/// <summary>A reply of each outcome: the steps before it and the dates that make it legal.</summary>
internal sealed record OutcomeCase(string Code, string ReceivedOn, string ReplyOn, (string Step, object Body)[] Before)
{
    public static OutcomeCase For(string code) => code switch
    {
        // 第三十条: closed only once the correction deadline has passed.
        "other.no-correction" => new(code, "2026-02-10", "2026-03-06", [("correction-request", new { on = "2026-02-12", deadline = "2026-03-05" })]),
        // 国办函〔2020〕109号: 20 working days to pay from 2026-03-20 end on 2026-04-20.
        "other.unpaid-fee" => new(code, "2026-03-02", "2026-04-21", [("fee-notice", new { on = "2026-03-20", amount = 100 })]),
        _ => new(code, "2026-02-10", "2026-03-02", []),
    };
}

internal static partial class LettersTestKit
{
    public const string ReviewBody = "明湖区人民政府";
    public const string Court = "明湖区人民法院";

    /// <summary>Registers (department jyj, a natural person with ID number and mobile) and replies with the outcome.</summary>
    public static async Task<Registered> RepliedAsync(HttpClient staff, string code, string? text = null, string description = "2025年明湖区中小学校舍维修项目清单及资金安排",
        object? extra = null, string department = "jyj")
    {
        var c = OutcomeCase.For(code);
        var a = await RegisterAsync(staff, receivedOn: c.ReceivedOn, description: description, department: department);
        foreach (var (step, body) in c.Before) await OkStepAsync(staff, a.Id, step, body);
        var reply = new Dictionary<string, object?> { ["on"] = c.ReplyOn, ["outcome"] = code, ["text"] = text };
        if (extra is not null)
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject()) reply[p.Name] = p.Value.GetString();
        await OkStepAsync(staff, a.Id, "reply", reply);
        return a;
    }

    public static async Task<JsonElement> LetterAsync(HttpClient staff, long id)
    {
        var response = await staff.GetAsync($"/api/admin/applications/{id}/letter");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The PDF's text in reading order, without white space and page numbers ("— 1 —").</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => PageNumber().Replace(Squeeze(p.Text), "")));
    }

    /// <summary>The DOCX body's text (the footers hold only page numbers), without white space; opening it proves it is a valid package.</summary>
    public static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        return Squeeze(word.MainDocumentPart!.Document!.Body!.InnerText);
    }

    public static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"\s")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("—\\d+—")]
    private static partial Regex PageNumber();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.Publishing;
using Gongkai.Hosting;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongkai.Tests.Catalogue.Feeds;

/// <summary>
/// Streams read a few rows per query, the sitemap splits after 10 URLs and the public list counts up
/// to 20, so paging, the sitemap index and the count cap are exercised by a handful of items.
/// </summary>
public sealed class SmallBatchesFactory : GongkaiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Gongkai:Catalogue:Feeds:BatchSize", "2"),
        new("Gongkai:Catalogue:Feeds:SitemapMaxUrls", "10"),
        new("Gongkai:Catalogue:ListCountCap", "20"),
    ];
}

internal static class FeedsTestKit
{
    /// <summary>Creates an item of 区教育局 through the staff API and leaves it a draft.</summary>
    public static async Task<long> DraftAsync(GongkaiFactory app, string title, string category = "a20-11", string summary = "测试用的内容概述")
    {
        using var editor = await app.ApiAs("xinxiyuan");
        var created = await editor.PostAsJsonAsync("/api/items", new
        {
            title, department = "jyj", writtenOn = "2026-02-20", category, theme = "t11-02", summary,
            documentNumber = "明教发〔2026〕21号", body = "<p>测试正文。</p>",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Drafts, submits and approves an item of 区教育局 (published at once).</summary>
    public static async Task<long> PublishAsync(GongkaiFactory app, string title, string category = "a20-11", string summary = "测试用的内容概述")
    {
        var id = await DraftAsync(app, title, category, summary);
        using var editor = await app.ApiAs("xinxiyuan");
        using var reviewer = await app.ApiAs("shenheren");
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/items/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/items/{id}/approve", new { })).StatusCode);
        return id;
    }

    public static string BaseUrl(GongkaiFactory app) =>
        app.Services.GetRequiredService<IOptions<GongkaiOptions>>().Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>Ids of the published items, straight from the database.</summary>
    public static List<long> PublishedIds(GongkaiFactory app) =>
        app.Db(db => db.Items.Where(i => i.State == ItemState.Published).OrderBy(i => i.Id).Select(i => i.Id).ToList());

    /// <summary>
    /// RFC 4180, written here from the RFC rather than borrowed from the app, so that the test does
    /// not share a bug with the code it checks: records end at CRLF, a quoted field may hold
    /// commas, CR, LF and doubled quotes.
    /// </summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("Unterminated quoted field.");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"') throw new FormatException($"A quote inside an unquoted field at {i}.");
                    field.Append(text[i++]);
                }
            }
            record.Add(field.ToString());
            field.Clear();
            if (i >= text.Length) { records.Add(record); break; }
            if (text[i] == ',') { i++; continue; }
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i += 2;
            else throw new FormatException($"A record must end with CRLF (at {i}).");
            records.Add(record);
            record = [];
        }
        return records;
    }
}

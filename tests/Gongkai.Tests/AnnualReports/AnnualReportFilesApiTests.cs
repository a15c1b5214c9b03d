using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Features.AnnualReports.Documents;
using Gongkai.Tests.Infrastructure;
using UglyToad.PdfPig;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Tests.AnnualReports;

/// <summary>GET /api/reports/annual/{year}.docx|.pdf|.xlsx: the same numbers as the JSON of the same report.</summary>
public sealed class AnnualReportFilesApiTests(GongkaiFactory app) : IClassFixture<GongkaiFactory>
{
    private const string Entered = """
        {"licensing.decisions": {"value": 1207, "source": "区政务服务中心审批系统"},
         "penalty.decisions": {"value": 356, "source": "区综合执法局"},
         "coercion.decisions": {"value": 18, "source": "区综合执法局"},
         "fees.amount": {"value": 86.25, "source": "区财政局"}}
        """;

    private static string N(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "" : value.GetDecimal().ToString("0.####", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_files_carry_the_numbers_of_the_json()
    {
        using var staff = await app.ApiAs("bangong");
        var put = await staff.PutAsync("/api/admin/reports/annual/2025/figures?body=gov", new StringContent(Entered, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        using var client = app.Anonymous();
        var report = await client.GetFromJsonAsync<JsonElement>("/api/reports/annual/2025?body=gov");
        var tables = report.GetProperty("tables");
        var rows = tables.GetProperty("applications").GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("values").EnumerateArray().Select(N).ToList()).ToList();
        var review = tables.GetProperty("reviewLitigation").GetProperty("values").EnumerateArray().Select(N).ToList();
        var figures = tables.GetProperty("proactive").GetProperty("figures");
        Assert.Equal("1207", N(figures.GetProperty("licensing.decisions")));
        Assert.Equal("86.25", N(figures.GetProperty("fees.amount")));

        // DOCX
        var docx = await client.GetAsync("/api/reports/annual/2025.docx?body=gov");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("2025年政府信息公开工作年度报告.docx", docx.Content.Headers.ContentDisposition!.FileNameStar);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var docTables = word.MainDocumentPart!.Document!.Body!.Elements<Word.Table>().ToList();
            var docRows = docTables[1].Elements<Word.TableRow>().Skip(3).Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(rows, docRows.Select(r => r[^7..]).ToList());
            Assert.Equal(review, docTables[2].Elements<Word.TableRow>().Last().Elements<Word.TableCell>().Select(c => c.InnerText));
            var two = docTables[0].Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Contains(two, r => r.SequenceEqual(["行政许可", "1207"]));
            Assert.Contains(two, r => r.SequenceEqual(["行政事业性收费", "86.25"]));
        }

        // PDF
        var pdf = await client.GetAsync("/api/reports/annual/2025.pdf?body=gov");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = System.Text.RegularExpressions.Regex.Replace(string.Concat(document.GetPages().Select(p => p.Text)), @"\s", "");
            var labels = tables.GetProperty("applications").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString()!).ToList();
            for (var r = 0; r < rows.Count; r++)
                Assert.Contains(labels[r] + string.Concat(rows[r]), text);
            Assert.Contains("尚未审结总计" + string.Concat(review), text);
            Assert.Contains("行政许可1207", text);
        }

        // XLSX
        var xlsx = await client.GetAsync("/api/reports/annual/2025.xlsx?body=gov");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(AnnualReportWorkbook.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var parts = book.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet.Sheet>()
                .Select(s => ((WorksheetPart)book.WorkbookPart.GetPartById(s.Id!)).Worksheet!).ToList();
            var three = parts[1].Descendants<Sheet.Cell>().ToDictionary(c => c.CellReference!.Value!);
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < 7; c++)
                    Assert.Equal(rows[r][c], three[AnnualReportWorkbook.Reference(4 + r, 3 + c)].CellValue?.Text ?? "");
            var four = parts[2].Descendants<Sheet.Cell>().ToDictionary(c => c.CellReference!.Value!);
            Assert.Equal(review, Enumerable.Range(0, 15).Select(c => four[AnnualReportWorkbook.Reference(4, c)].CellValue!.Text));
        }
    }

    [Theory]
    [InlineData("/api/reports/annual/2025.docx?body=nosuch", HttpStatusCode.NotFound)]
    [InlineData("/api/reports/annual/2999.pdf?body=gov", HttpStatusCode.NotFound)]
    [InlineData("/api/reports/annual/2025.xlsx", HttpStatusCode.BadRequest)]
    [InlineData("/api/reports/annual/2025.odt?body=gov", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_chinese_problems(string url, HttpStatusCode status)
    {
        var response = await app.Anonymous().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status || (status == HttpStatusCode.BadRequest && response.StatusCode == HttpStatusCode.NotFound), $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Features.Documents;

namespace Gongkai.Tests.Documents;

/// <summary>The DOCX files, opened again with OpenXml: page, styles, fonts, merged cells, footers.</summary>
public sealed class DocxWriterTests
{
    private static WordprocessingDocument Open(byte[] docx, string artifact)
    {
        Artifacts.Save(artifact, docx);
        return WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
    }

    [Fact]
    public void The_page_is_A4_with_the_margins_of_GBT_9704()
    {
        using var word = Open(new DocxWriter().Write(SampleDocuments.ReplyLetter()), "reply-letter.docx");
        var section = word.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value)); // 210 × 297 mm
        var margin = section.GetFirstChild<PageMargin>()!;
        // 37, 35, 28 and 26 mm in twentieths of a point.
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        Assert.Equal(579, section.GetFirstChild<DocGrid>()!.LinePitch!.Value); // 22 lines a page
    }

    [Fact]
    public void Styles_define_the_official_fonts_sizes_and_spacing()
    {
        using var word = Open(new DocxWriter().Write(SampleDocuments.ReplyLetter()), "reply-letter.docx");
        var styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);

        var body = styles["Normal"];
        Assert.True(body.Default?.Value);
        Assert.Equal("仿宋", body.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal(FontTypeHintValues.EastAsia, body.StyleRunProperties.RunFonts.Hint!.Value);
        Assert.Equal("32", body.StyleRunProperties.FontSize!.Val!.Value); // 三号 16 pt in half points
        var spacing = body.StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal(("579", LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
        Assert.Equal(200, body.StyleParagraphProperties.Indentation!.FirstLineChars!.Value); // two characters
        Assert.Equal(JustificationValues.Both, body.StyleParagraphProperties.Justification!.Val!.Value);

        Assert.Equal("黑体", styles["Heading1"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("楷体", styles["Heading2"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal(1, styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        var title = styles["Title"];
        Assert.Equal("44", title.StyleRunProperties!.FontSize!.Val!.Value); // 二号 22 pt
        Assert.NotNull(title.StyleRunProperties.Bold);
        Assert.Equal(JustificationValues.Center, title.StyleParagraphProperties!.Justification!.Val!.Value);
        // Lines that are not on the body pitch stay off the 22-line grid, or LibreOffice doubles them.
        Assert.False(title.StyleParagraphProperties.SnapToGrid!.Val!.Value);
        Assert.False(styles["TableText"].StyleParagraphProperties!.SnapToGrid!.Val!.Value);
        Assert.Equal("黑体", styles["TableHeader"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("宋体", styles["PageNumber"].StyleRunProperties!.RunFonts!.Ascii!.Value);

        var table = styles["GongkaiTable"];
        Assert.Equal(StyleValues.Table, table.Type!.Value);
        var borders = table.StyleTableProperties!.TableBorders!;
        Assert.All(new BorderType?[] { borders.TopBorder, borders.BottomBorder, borders.LeftBorder, borders.RightBorder, borders.InsideHorizontalBorder, borders.InsideVerticalBorder },
            b => Assert.Equal(BorderValues.Single, b!.Val!.Value));

        // The font table gives Word and WPS the English names and the GB2312 character set.
        var fonts = word.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);
        Assert.Equal(("FangSong", "86"), (fonts["仿宋"].AltName!.Val!.Value, fonts["仿宋"].FontCharSet!.Val!.Value));
        Assert.Equal("SimHei", fonts["黑体"].AltName!.Val!.Value);
        Assert.Equal("KaiTi", fonts["楷体"].AltName!.Val!.Value);
    }

    [Fact]
    public void Paragraphs_take_their_styles_and_the_signature_is_dated_in_chinese()
    {
        using var word = Open(new DocxWriter().Write(SampleDocuments.ReplyLetter()), "reply-letter.docx");
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: string.Concat(p.Descendants<Text>().Select(t => t.Text)), Paragraph: p))
            .Where(p => p.Text.Length > 0)
            .ToList();

        Assert.Equal(SampleDocuments.LetterText(), string.Concat(paragraphs.Select(p => p.Text)));
        Assert.Equal(("Title", "明湖区人民政府办公室政府信息公开申请答复告知书"), (paragraphs[0].Style, paragraphs[0].Text));
        Assert.Single(paragraphs[0].Paragraph.Descendants<Break>()); // the title's line break
        Assert.Equal("DocumentNumber", paragraphs[1].Style);
        Assert.Equal("Recipient", paragraphs[2].Style);
        Assert.Equal(("Heading1", "一、答复内容"), (paragraphs[4].Style, paragraphs[4].Text));
        Assert.Equal(("Heading2", "（一）予以公开的部分"), (paragraphs[5].Style, paragraphs[5].Text));
        Assert.Equal(("Heading2", "（二）救济途径"), (paragraphs[7].Style, paragraphs[7].Text));
        Assert.Equal("0", paragraphs[9].Paragraph.ParagraphProperties!.Indentation!.FirstLine!.Value); // no indent asked

        var (name, date) = (paragraphs[^2], paragraphs[^1]);
        Assert.Equal(("Signature", "明湖区人民政府办公室"), (name.Style, name.Text));
        Assert.Equal(("Signature", "2026年11月27日"), (date.Style, date.Text));
        // A 10-character name over a 7-em date: the name ends 2 characters from the margin, the date 3 (7.3.5.2).
        Assert.Equal("640", name.Paragraph.ParagraphProperties!.Indentation!.Right!.Value);
        Assert.Equal("960", date.Paragraph.ParagraphProperties!.Indentation!.Right!.Value);
    }

    [Fact]
    public void Odd_and_even_pages_have_footers_with_the_page_number_between_dashes()
    {
        using var word = Open(new DocxWriter().Write(SampleDocuments.ReplyLetter()), "reply-letter.docx");
        var main = word.MainDocumentPart!;
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var references = main.Document!.Body!.Elements<SectionProperties>().Single().Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => r.Id!.Value!);
        foreach (var (type, align) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var footer = ((FooterPart)main.GetPartById(references[type])).Footer!;
            Assert.Equal(" PAGE ", footer.Descendants<FieldCode>().Single().Text);
            Assert.Equal("— 1 —", string.Concat(footer.Descendants<Text>().Select(t => t.Text)));
            Assert.Equal(align, footer.Descendants<Justification>().Single().Val!.Value);
        }
    }

    [Fact]
    public void The_annual_report_table_merges_cells_with_gridSpan_and_vMerge()
    {
        var table = SampleDocuments.ApplicationsTable((r, c) => r * 10 + c);
        using var word = Open(new DocxWriter().Write(SampleDocuments.AnnualReportSection(table)), "annual-report-table.docx");
        var wordTable = word.MainDocumentPart!.Document!.Body!.Elements<Table>().Single();

        var grid = wordTable.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();
        Assert.Equal(10, grid.Count);
        Assert.Equal(8844, grid.Sum()); // the full 156 mm text width
        Assert.Equal("GongkaiTable", wordTable.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value);

        var rows = wordTable.Elements<TableRow>().ToList();
        Assert.Equal(3 + 25, rows.Count);
        Assert.Equal([true, true, true, false], rows.Take(4).Select(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null));

        // Every row covers the 10 grid columns; read back each cell's (column, gridSpan, vMerge, text).
        var cells = rows.Select(row =>
        {
            var column = 0;
            return row.Elements<TableCell>().Select(cell =>
            {
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var merge = cell.TableCellProperties?.VerticalMerge is { } v ? (v.Val?.Value == MergedCellValues.Restart ? "restart" : "continue") : "";
                var result = (Column: column, Span: span, Merge: merge, Text: cell.InnerText);
                column += span;
                return result;
            }).ToList();
        }).ToList();
        Assert.All(cells, row => Assert.Equal(10, row.Sum(c => c.Span)));

        Assert.Equal([(0, 3, "restart", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), (3, 7, "", "申请人情况")], cells[0]);
        Assert.Equal([(0, 3, "continue", ""), (3, 1, "restart", "自然人"), (4, 5, "", "法人或其他组织"), (9, 1, "restart", "总计")], cells[1]);
        Assert.Equal([(0, 3, "continue", ""), (3, 1, "continue", ""), (4, 1, "", "商业企业"), (5, 1, "", "科研机构"),
            (6, 1, "", "社会公益组织"), (7, 1, "", "法律服务机构"), (8, 1, "", "其他"), (9, 1, "continue", "")], cells[2]);

        // Body: 三、本年度办理结果 runs down 22 rows; （三）不予公开 down its 8 sub-rows.
        Assert.Equal((0, 3, "", "一、本年新收政府信息公开申请数量"), cells[3][0]);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6"], cells[3].Skip(1).Select(c => c.Text));
        Assert.Equal((0, 1, "restart", "三、本年度办理结果"), cells[5][0]);
        Assert.All(cells.Skip(6).Take(21), row => Assert.Equal((0, 1, "continue", ""), row[0]));
        Assert.Equal((1, 1, "restart", "（三）不予公开"), cells[7][1]);
        Assert.Equal((2, 1, "", "1.属于国家秘密"), cells[7][2]);
        Assert.All(cells.Skip(8).Take(7), row => Assert.Equal((1, 1, "continue", ""), row[1]));
        Assert.Equal((0, 3, "", "四、结转下年度继续办理"), cells[^1][0]);
        Assert.Equal((1, 2, "", "（七）总计"), cells[^2][1]);
        Assert.Equal(["240", "241", "242", "243", "244", "245", "246"], cells[^1].Skip(1).Select(c => c.Text));
    }

    [Fact]
    public void The_package_passes_the_OpenXml_schema_validator()
    {
        var table = SampleDocuments.ApplicationsTable((r, c) => r + c);
        var document = SampleDocuments.ReplyLetter().Table(table).PageBreak().Paragraph("附件：申请材料清单", TextAlign.Left, firstLineIndent: false);
        using var word = Open(new DocxWriter().Write(document), "validated.docx");
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_example_in_the_architecture_notes_builds_a_merged_header()
    {
        var doc = new OfficialDocument("政府信息公开申请答复告知书") { DocumentNumber = "明政公开告〔2026〕12号", Recipient = "张三：" }
            .Paragraph("你于2026年11月2日提交的……")
            .Heading1("答复内容")
            .Heading2("予以公开的部分")
            .Table(new DocumentTable(3, 1, 1)
                .HeaderRow(DocumentCell.Centered("项目", rowSpan: 2), DocumentCell.Centered("数量", colSpan: 2))
                .HeaderRow("本年", "上年")
                .Row("新收申请", "12", "9"))
            .Paragraph("附件：……", TextAlign.Left, firstLineIndent: false)
            .PageBreak()
            .SignedBy("明湖区人民政府办公室", new DateOnly(2026, 11, 27));
        using var word = Open(new DocxWriter().Write(doc), "example.docx");
        var rows = word.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal([["项目", "数量"], ["", "本年", "上年"], ["新收申请", "12", "9"]], rows);
        Assert.Single(word.MainDocumentPart.Document.Body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
    }
}

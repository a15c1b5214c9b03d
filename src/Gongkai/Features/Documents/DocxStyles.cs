using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Features.Documents;

/// <summary>
/// The style sheet, font table and footers of <see cref="DocxWriter"/>'s documents. The styles are
/// defined here rather than taken from a template, so the layout lives in code next to the PDF's.
/// Chinese font names go in the East-Asian slot (w:eastAsia) with the English name as w:altName in
/// the font table: Word and WPS on Chinese Windows find 仿宋/黑体/楷体 by either name.
/// </summary>
public static class DocxStyles
{
    public const string FangSong = "仿宋";
    public const string SimHei = "黑体";
    public const string KaiTi = "楷体";
    public const string SimSun = "宋体";
    public const string Latin = "Times New Roman";

    public const string Body = "Normal";
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string DocumentNumber = "DocumentNumber";
    public const string Recipient = "Recipient";
    public const string Signature = "Signature";
    public const string TableText = "TableText";
    public const string TableHeader = "TableHeader";
    public const string PageNumber = "PageNumber";
    public const string Table = "GongkaiTable";

    private static readonly string BodyPitch = PageLayout.Twips(PageLayout.LinePitch).ToString(); // 579
    private static readonly string TwoChars = PageLayout.Twips(2 * PageLayout.BodySize).ToString(); // 640

    internal static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(FangSong, Latin), new Kern { Val = 0 },
                    new FontSize { Val = HalfPoints(PageLayout.BodySize) }, new FontSizeComplexScript { Val = HalfPoints(PageLayout.BodySize) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = BodyPitch, LineRule = LineSpacingRuleValues.Exact }))),
            ParagraphStyle(Body, "Normal", null, isDefault: true,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = BodyPitch, LineRule = LineSpacingRuleValues.Exact },
                    new Indentation { FirstLineChars = 200, FirstLine = TwoChars },
                    new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties(Fonts(FangSong, Latin), Size(PageLayout.BodySize))),
            ParagraphStyle(Title, "Title", Body, isDefault: false,
                new StyleParagraphProperties(
                    // Off the 22-line grid, which would round each title line up to two grid lines.
                    new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Line = PageLayout.Twips(PageLayout.TitleLinePitch).ToString(), LineRule = LineSpacingRuleValues.Exact },
                    NoIndent(), new Justification { Val = JustificationValues.Center }),
                // 小标宋 is not on every machine: a bold 宋体 is the closest face everyone has.
                new StyleRunProperties(Fonts(SimSun, Latin), new Bold(), new BoldComplexScript(), Size(PageLayout.TitleSize))),
            ParagraphStyle(Heading1, "heading 1", Body, isDefault: false,
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(SimHei, Latin), Size(PageLayout.BodySize))),
            ParagraphStyle(Heading2, "heading 2", Body, isDefault: false,
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
                new StyleRunProperties(Fonts(KaiTi, Latin), Size(PageLayout.BodySize))),
            ParagraphStyle(DocumentNumber, "Document Number", Body, isDefault: false,
                new StyleParagraphProperties(NoIndent(), new Justification { Val = JustificationValues.Center }), null),
            ParagraphStyle(Recipient, "Recipient", Body, isDefault: false,
                new StyleParagraphProperties(new KeepNext(), NoIndent(), new Justification { Val = JustificationValues.Left }), null),
            ParagraphStyle(Signature, "Signature", Body, isDefault: false,
                new StyleParagraphProperties(new KeepNext(), NoIndent(), new Justification { Val = JustificationValues.Right }), null),
            ParagraphStyle(TableText, "Table Text", Body, isDefault: false,
                new StyleParagraphProperties(
                    new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    NoIndent(), new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(Fonts(FangSong, Latin), Size(12))),
            ParagraphStyle(TableHeader, "Table Header", TableText, isDefault: false,
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(SimHei, Latin), Size(12))),
            ParagraphStyle(PageNumber, "Page Number Line", Body, isDefault: false,
                new StyleParagraphProperties(
                    new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent()),
                // 7.5: 4号半角宋体阿拉伯数字.
                new StyleRunProperties(Fonts(SimSun, SimSun), Size(PageLayout.PageNumberSize))),
            TableStyle());
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties? run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = Body }, new PrimaryStyle(), paragraph);
        if (run is not null) style.Append(run);
        return style;
    }

    private static Style TableStyle()
    {
        var style = new Style { Type = StyleValues.Table, StyleId = Table };
        style.Append(new StyleName { Val = "Gongkai Table" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent()),
            new StyleTableProperties(
                Borders(),
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })));
        return style;
    }

    /// <summary>Single 0.75 pt rules around and between all cells.</summary>
    internal static TableBorders Borders() => new(
        new TopBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" },
        new LeftBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" },
        new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" },
        new RightBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" },
        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" },
        new InsideVerticalBorder { Val = BorderValues.Single, Size = 6, Space = 0, Color = "000000" });

    internal static RunFonts Fonts(string eastAsia, string latin) =>
        new() { Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin, Hint = FontTypeHintValues.EastAsia };

    private static Indentation NoIndent() => new() { FirstLineChars = 0, FirstLine = "0", Left = "0", Right = "0" };

    internal static FontSize Size(double points) => new() { Val = HalfPoints(points) };

    internal static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString();

    /// <summary>The fonts the document names, with the English names and PANOSE numbers Word writes for them.</summary>
    internal static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(
            Font(FangSong, "FangSong", "02010609060101010101", FontFamilyValues.Modern, fixedPitch: true),
            Font(SimHei, "SimHei", "02010609060101010101", FontFamilyValues.Modern, fixedPitch: true),
            Font(KaiTi, "KaiTi", "02010609060101010101", FontFamilyValues.Modern, fixedPitch: true),
            Font(SimSun, "SimSun", "02010600030101010101", FontFamilyValues.Auto, fixedPitch: false),
            new Font(new Panose1Number { Val = "02020603050405020304" }, new FontCharSet { Val = "00" },
                new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable }) { Name = Latin });
    }

    private static Font Font(string name, string english, string panose, FontFamilyValues family, bool fixedPitch) =>
        new(new AltName { Val = english }, new Panose1Number { Val = panose }, new FontCharSet { Val = "86" }, // GB2312
            new FontFamily { Val = family }, new Pitch { Val = fixedPitch ? FontPitchValues.Fixed : FontPitchValues.Variable })
        { Name = name };

    internal static void AddSettings(MainDocumentPart main)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        // 7.5: odd page numbers sit right, even ones left, so odd and even pages have their own footers.
        part.Settings = new Settings(new DefaultTabStop { Val = 420 }, new EvenAndOddHeaders(),
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });
    }

    /// <summary>"— 1 —" one character in from the outer edge (GB/T 9704-2012 7.5).</summary>
    internal static string AddFooter(MainDocumentPart main, bool odd)
    {
        var part = main.AddNewPart<FooterPart>();
        var oneChar = PageLayout.Twips(PageLayout.PageNumberSize).ToString();
        var paragraph = new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = PageNumber },
                odd ? new Indentation { Right = oneChar } : new Indentation { Left = oneChar },
                new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve }));
        part.Footer = new Footer(paragraph);
        return main.GetIdOfPart(part);
    }
}

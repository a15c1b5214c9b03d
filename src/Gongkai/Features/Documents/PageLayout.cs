namespace Gongkai.Features.Documents;

/// <summary>
/// The page of GB/T 9704-2012 (党政机关公文格式) that both writers lay out, in points (1/72 inch).
/// 5.2.1: A4; 5.2.2: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so bottom 35 mm, right 26 mm);
/// 6.1: 仿宋 三号 (16 pt), 22 lines of 28 characters a page; 7.5: page numbers in 四号 宋体, 7 mm under the 版心.
/// </summary>
public static class PageLayout
{
    public const double PointsPerMm = 72 / 25.4;

    public const double PageWidthMm = 210;
    public const double PageHeightMm = 297;
    public const double TopMarginMm = 37;
    public const double BottomMarginMm = 35;
    public const double LeftMarginMm = 28;
    public const double RightMarginMm = 26;
    /// <summary>The page number's line sits this far below the text area.</summary>
    public const double PageNumberGapMm = 7;

    public const double TitleSize = 22;     // 二号
    public const double BodySize = 16;      // 三号
    public const double PageNumberSize = 14; // 四号

    /// <summary>225 mm of text area / 22 lines = 28.95 pt: the fixed line pitch of body text and headings.</summary>
    public const double LinePitch = 28.95;

    /// <summary>Title lines need more room than the body pitch for 二号 characters.</summary>
    public const double TitleLinePitch = 36;

    public static double Pt(double mm) => mm * PointsPerMm;

    public static double PageWidth => Pt(PageWidthMm);
    public static double PageHeight => Pt(PageHeightMm);
    public static double TextWidth => Pt(PageWidthMm - LeftMarginMm - RightMarginMm);
    public static double TextHeight => Pt(PageHeightMm - TopMarginMm - BottomMarginMm);

    /// <summary>Twentieths of a point, Word's unit.</summary>
    public static int Twips(double points) => (int)Math.Round(points * 20);
    public static int TwipsFromMm(double mm) => Twips(Pt(mm));
}

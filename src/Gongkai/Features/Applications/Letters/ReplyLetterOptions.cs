namespace Gongkai.Features.Applications.Letters;

/// <summary>
/// Settings under "Gongkai:Applications:Letters": where the letter sends the applicant for a
/// remedy, and the 发文字号 of each body. Every setting has a default taken from the org units.
/// </summary>
public sealed class ReplyLetterOptions
{
    public const string Section = "Gongkai:Applications:Letters";

    /// <summary>
    /// 行政复议机关 for letters of the district's departments, streets and towns. Default: the district
    /// government (the org unit of kind 区人民政府), which hears cases against its own departments
    /// under the 行政复议法 (2023).
    /// </summary>
    public string? ReviewBody { get; set; }

    /// <summary>行政复议机关 for letters the district government itself issues: the government one level up.</summary>
    public string ReviewBodyForGovernment { get; set; } = "上一级人民政府";

    /// <summary>
    /// The court for 行政诉讼. Default: the district's people's court ("明湖区人民政府" → "明湖区人民法院");
    /// set it where cases against district bodies go to a court of centralised jurisdiction.
    /// </summary>
    public string? Court { get; set; }

    /// <summary>
    /// The 发文字号 prefix of a body by its code, e.g. <c>"jyj": "明湖教依复"</c>. Default: the district's
    /// short name, the body's first character (two for streets and towns) and <see cref="NumberWord"/>.
    /// </summary>
    public Dictionary<string, string> NumberPrefixes { get; set; } = [];

    /// <summary>The word after the body's abbreviation in default prefixes: 依申请公开答复 → 依复.</summary>
    public string NumberWord { get; set; } = "依复";
}

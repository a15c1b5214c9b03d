namespace Gongkai.Domain.Applications;

/// <summary>
/// Who applied, as the columns of the annual report's table 三 (申请人情况) count them, in that order:
/// 自然人, then 法人或其他组织 split into five columns. The values are the column order.
/// </summary>
public enum ApplicantType
{
    /// <summary>自然人.</summary>
    NaturalPerson = 0,
    /// <summary>商业企业.</summary>
    Commercial = 1,
    /// <summary>科研机构.</summary>
    Research = 2,
    /// <summary>社会公益组织.</summary>
    PublicWelfare = 3,
    /// <summary>法律服务机构.</summary>
    LegalService = 4,
    /// <summary>其他 (法人或其他组织 of any other kind).</summary>
    Other = 5,
}

public static class ApplicantTypes
{
    private static readonly (ApplicantType Type, string Label, string Code)[] Table =
    [
        (ApplicantType.NaturalPerson, "自然人", "natural-person"),
        (ApplicantType.Commercial, "商业企业", "commercial"),
        (ApplicantType.Research, "科研机构", "research"),
        (ApplicantType.PublicWelfare, "社会公益组织", "public-welfare"),
        (ApplicantType.LegalService, "法律服务机构", "legal-service"),
        (ApplicantType.Other, "其他", "other"),
    ];

    /// <summary>All types in the report's column order.</summary>
    public static IReadOnlyList<ApplicantType> All { get; } = [.. Table.Select(t => t.Type)];

    /// <summary>The report's column label, e.g. 商业企业.</summary>
    public static string Label(this ApplicantType type) => Find(type).Label;

    /// <summary>The English API code, e.g. <c>commercial</c>.</summary>
    public static string Code(this ApplicantType type) => Find(type).Code;

    /// <summary>法人或其他组织: every column but 自然人. Organisations need not give an ID number (第二十九条).</summary>
    public static bool IsOrganisation(this ApplicantType type) => type != ApplicantType.NaturalPerson;

    /// <summary>
    /// Reads a report column label (自然人, 商业企业 …; spaces from wrapped table cells are ignored) or an
    /// English code (natural-person, commercial …, case-insensitive). 法人或其他组织 alone is not a column
    /// and is not accepted: the report needs to know which of the five it is.
    /// </summary>
    public static bool TryParse(string? text, out ApplicantType type)
    {
        var key = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal).Trim();
        foreach (var row in Table)
        {
            if (key == row.Label || string.Equals(key, row.Code, StringComparison.OrdinalIgnoreCase))
            {
                type = row.Type;
                return true;
            }
        }
        type = default;
        return false;
    }

    private static (ApplicantType Type, string Label, string Code) Find(ApplicantType type) =>
        Array.Find(Table, t => t.Type == type) is { Label: not null } row
            ? row
            : throw new ArgumentOutOfRangeException(nameof(type), type, null);
}

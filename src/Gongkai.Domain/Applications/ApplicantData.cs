namespace Gongkai.Domain.Applications;

/// <summary>
/// How an applicant's personal data is shown where it must be recognisable but not readable:
/// staff lists, the applicant's tracking page. Only the handling department and the office see
/// the full values.
/// </summary>
public static class ApplicantData
{
    /// <summary>1101**********1234: the first and last 4 characters of an ID number; shorter documents keep 2 + 2.</summary>
    public static string MaskIdNumber(string idNumber)
    {
        var text = Compact(idNumber);
        return text.Length switch
        {
            0 => "",
            <= 4 => new string('*', text.Length),
            < 12 => Keep(text, 2, 2),
            _ => Keep(text, 4, 4),
        };
    }

    /// <summary>
    /// 138****5678 for a mobile number, z***@example.com for an e-mail address; any other contact
    /// (a landline, an address) keeps its first 3 and last 4 characters, or only the last 2 when short.
    /// </summary>
    public static string MaskContact(string contact)
    {
        var text = Compact(contact);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) return text[0] + "***" + text[at..];
        if (text.Length == 11 && text.All(char.IsAsciiDigit)) return Keep(text, 3, 4);
        return text.Length switch
        {
            0 => "",
            <= 4 => new string('*', text.Length),
            < 10 => Keep(text, 0, 2),
            _ => Keep(text, 3, 4),
        };
    }

    /// <summary>张* / 欧阳** for a natural person's name: the first character only. Organisations are not masked.</summary>
    public static string MaskName(string name, ApplicantType type)
    {
        var text = (name ?? "").Trim();
        if (type.IsOrganisation() || text.Length <= 1) return text;
        return text[0] + new string('*', text.Length - 1);
    }

    private static string Compact(string? value) => (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);

    private static string Keep(string text, int leading, int trailing) =>
        text[..leading] + new string('*', text.Length - leading - trailing) + text[^trailing..];
}

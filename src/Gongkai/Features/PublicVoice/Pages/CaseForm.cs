namespace Gongkai.Features.PublicVoice.Pages;

/// <summary>What the portal's opinion and complaint forms ask for, as posted.</summary>
public sealed class CaseForm
{
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? Topic { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public bool PublishConsent { get; set; }

    // Complaints only.
    public string? AccusedDepartment { get; set; }
    public string? AccusedPerson { get; set; }

    // The human check (HumanCheck): the answer, the protected token, and the honeypot a person never sees.
    public string? Answer { get; set; }
    public string? Token { get; set; }
    public string? Website { get; set; }

    /// <summary>The API's field names mapped to this form's field ids, for messages from the workflow.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["title"] = "Input_Title",
        ["content"] = "Input_Content",
        ["topic"] = "Input_Topic",
        ["name"] = "Input_Name",
        ["contact"] = "Input_Contact",
        ["accusedDepartment"] = "Input_AccusedDepartment",
        ["accusedPerson"] = "Input_AccusedPerson",
        ["address"] = "Input_Content",
    };

    public PublicCaseRequest ToRequest(bool complaint) => new(
        Title, Content, Blank(Name), Blank(Contact), complaint ? null : Blank(Topic), complaint ? false : PublishConsent,
        AccusedDepartment: complaint ? Blank(AccusedDepartment) : null, AccusedPerson: complaint ? Blank(AccusedPerson) : null);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

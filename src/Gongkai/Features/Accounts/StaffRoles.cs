namespace Gongkai.Features.Accounts;

/// <summary>The four staff roles. Role names are stable identifiers; the UI shows the Chinese.</summary>
public static class StaffRoles
{
    /// <summary>信息员: drafts and publishes for one department.</summary>
    public const string Editor = "Editor";
    /// <summary>审核人: approves or returns drafts and replies of one department.</summary>
    public const string Reviewer = "Reviewer";
    /// <summary>公开办管理员: the disclosure office, all departments.</summary>
    public const string OfficeAdmin = "OfficeAdmin";
    /// <summary>监督员: read-only oversight.</summary>
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<string> All = [Editor, Reviewer, OfficeAdmin, Supervisor];

    public static string ToChinese(string role) => role switch
    {
        Editor => "信息员",
        Reviewer => "审核人",
        OfficeAdmin => "公开办管理员",
        Supervisor => "监督员",
        _ => role,
    };

    /// <summary>Roles bound to one department (they need a DepartmentId).</summary>
    public static bool IsDepartmentRole(string role) => role is Editor or Reviewer;
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Staff = "Staff";
    public const string OfficeAdmin = "OfficeAdmin";
    /// <summary>Office administrators and supervisors: oversight views such as the audit log.</summary>
    public const string Oversight = "Oversight";
    /// <summary>The same checks as <see cref="Staff"/>, but only through a bearer token (the JSON API).</summary>
    public const string ApiStaff = "ApiStaff";
    public const string ApiOfficeAdmin = "ApiOfficeAdmin";
}

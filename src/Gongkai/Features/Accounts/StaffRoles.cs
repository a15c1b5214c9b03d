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
    /// <summary>
    /// 效能监察员: the office's supervision staff. The only role that sees conduct complaints
    /// (效能投诉) and unannounced inspections (明察暗访); no department's records besides.
    /// </summary>
    public const string Inspector = "Inspector";

    public static readonly IReadOnlyList<string> All = [Editor, Reviewer, OfficeAdmin, Supervisor, Inspector];

    public static string ToChinese(string role) => role switch
    {
        Editor => "信息员",
        Reviewer => "审核人",
        OfficeAdmin => "公开办管理员",
        Supervisor => "监督员",
        Inspector => "效能监察员",
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
    /// <summary>The office's supervision staff (<see cref="StaffRoles.Inspector"/>): conduct complaints and inspections.</summary>
    public const string Inspection = "Inspection";
    public const string ApiInspection = "ApiInspection";
}

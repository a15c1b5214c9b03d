using Gongkai.Domain.Applications;

namespace Gongkai.Features.Applications.Pages;

/// <summary>
/// What an applicant gives (第二十九条), as the portal's form and the staff registration form ask
/// for it: contact and delivery split into the parts people know, put together into the API's one
/// <c>contact</c> and one <c>deliveryForm</c> field.
/// </summary>
public sealed class ApplicationForm
{
    public string? ApplicantType { get; set; }
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Department { get; set; }
    /// <summary>The form of the information: 纸质文本, 电子文档 or 不限.</summary>
    public string? Form { get; set; }
    /// <summary>How it reaches the applicant: 邮寄, 电子邮件 or 当面领取.</summary>
    public string? Way { get; set; }
    public bool Consent { get; set; }

    // Staff registration only.
    public string? Channel { get; set; }
    public string? ReceivedOn { get; set; }

    public static readonly IReadOnlyList<string> Forms = ["纸质文本", "电子文档", "不限"];
    public static readonly IReadOnlyList<string> Ways = ["邮寄", "电子邮件", "当面领取"];

    /// <summary>The API's field names mapped to this form's field ids, for messages from the workflow.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["applicantType"] = "Input_ApplicantType",
        ["name"] = "Input_Name",
        ["idNumber"] = "Input_IdNumber",
        ["contact"] = "Input_Phone",
        ["description"] = "Input_Description",
        ["documentNumber"] = "Input_DocumentNumber",
        ["department"] = "Input_Department",
        ["deliveryForm"] = "Input_Form",
        ["channel"] = "Input_Channel",
        ["receivedOn"] = "Input_ReceivedOn",
    };

    /// <summary>
    /// One contact string for the API. A single part is kept bare (so that 138****5678 masks as a
    /// phone number); several are labelled, the e-mail last: masking then keeps only its domain.
    /// </summary>
    public string? Contact()
    {
        var phone = Clean(Phone);
        var address = Clean(Address);
        var email = Clean(Email);
        var parts = new[] { ("电话", phone), ("地址", address), ("邮箱", email) }.Where(p => p.Item2 is not null).ToArray();
        return parts.Length switch
        {
            0 => null,
            1 => parts[0].Item2,
            _ => string.Join("；", parts.Select(p => $"{p.Item1}：{p.Item2}")),
        };
    }

    /// <summary>第二十九条第二款第（三）项: the form and the way, e.g. 纸质文本，邮寄.</summary>
    public string? DeliveryForm()
    {
        var parts = new[] { Clean(Form), Clean(Way) }.OfType<string>().ToArray();
        return parts.Length == 0 ? null : string.Join("，", parts);
    }

    /// <summary>
    /// The checks of the parts this form adds to the API's fields: formats, the contact the chosen
    /// way needs, the total length. <paramref name="portal"/>: the citizen's form, where the form
    /// and way of delivery and the acknowledgement of the privacy notice are required.
    /// </summary>
    public void Check(FormErrors errors, bool portal)
    {
        var phone = Clean(Phone);
        var email = Clean(Email);
        var address = Clean(Address);
        if (phone is not null && !IsPhone(phone)) errors.Add("Input_Phone", "联系电话应为5至20位数字，可含“-”、空格和括号");
        if (email is not null && (email.Length > 60 || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@') || email.Contains(' ', StringComparison.Ordinal)))
            errors.Add("Input_Email", "电子邮箱格式不正确（不超过60个字符）");
        if (address?.Length > 60) errors.Add("Input_Address", "通信地址不超过60个字");
        if (portal && phone is null && email is null && address is null) errors.Add("Input_Phone", "请至少填写一种联系方式：联系电话、电子邮箱或通信地址");
        else if (Contact()?.Length > 100 && !errors.Has("Input_Address") && !errors.Has("Input_Email"))
            errors.Add("Input_Address", "联系方式合计不超过100个字，请精简通信地址");

        var form = Clean(Form);
        var way = Clean(Way);
        if (form is not null && !Forms.Contains(form)) errors.Add("Input_Form", "请从列表中选择获取信息的形式");
        else if (portal && form is null) errors.Add("Input_Form", "请选择获取信息的形式");
        if (way is not null && !Ways.Contains(way)) errors.Add("Input_Way", "请从列表中选择获取信息的途径");
        else if (portal && way is null) errors.Add("Input_Way", "请选择获取信息的途径");
        if (way == "邮寄" && address is null && !errors.Has("Input_Address")) errors.Add("Input_Address", "选择邮寄的，请填写通信地址");
        if (way == "电子邮件" && email is null && !errors.Has("Input_Email")) errors.Add("Input_Email", "选择电子邮件的，请填写电子邮箱");
        if (portal && !Consent) errors.Add("Input_Consent", "请阅读个人信息处理说明并勾选确认");
    }

    public PublicApplicationRequest ToPublicRequest() =>
        new(ApplicantType, Name, IdNumber, Contact(), Description, Department, DeliveryForm(), DocumentNumber);

    public StaffApplicationRequest ToStaffRequest() =>
        new(Channel, ReceivedOn, Department, ApplicantType, Name, Description, Clean(IdNumber), Contact(), Clean(DocumentNumber), DeliveryForm());

    /// <summary>The applicant types in the report's column order: 自然人, then the five kinds of 法人或其他组织.</summary>
    public static IEnumerable<(string Code, string Label)> Organisations =>
        ApplicantTypes.All.Where(t => t.IsOrganisation()).Select(t => (t.Code(), t.Label()));

    private static bool IsPhone(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 5 and <= 20 && text.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')' or '+' or '（' or '）');
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

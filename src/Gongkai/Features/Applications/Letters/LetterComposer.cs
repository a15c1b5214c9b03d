using Gongkai.Domain.Applications;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Documents;

namespace Gongkai.Features.Applications.Letters;

/// <summary>
/// What staff may add to a reply for its letter: the body that holds the information when this one
/// does not (第三十六条第（五）项: its name and contact), and how to obtain granted information
/// (第三十六条第（二）项) when the applicant's chosen way is not what happens.
/// </summary>
public sealed record LetterDetails(string? OtherBody = null, string? OtherBodyContact = null, string? Obtain = null)
{
    public static readonly LetterDetails None = new();

    /// <summary>Field errors (otherBody, otherBodyContact, obtain) for the reply request or a regeneration.</summary>
    internal static void Check(FieldErrors errors, string? otherBody, string? otherBodyContact, string? obtain)
    {
        errors.Text("otherBody", otherBody, 100, "负责公开该信息的机关", required: false);
        errors.Text("otherBodyContact", otherBodyContact, 200, "该机关的联系方式", required: false);
        errors.Text("obtain", obtain, 500, "获取信息的方式和途径", required: false);
    }
}

/// <summary>Everything a letter is composed from. The applicant's ID number and contact are not here: a letter never shows them.</summary>
public sealed record LetterFacts(
    string ApplicantName, ApplicantType ApplicantType, DateOnly ReceivedOn, string Description, string? DocumentNumber,
    string? DeliveryForm, string TrackingCode, RulesVersion Rules, ReplyOutcome Outcome, string? ReplyText, DateOnly RepliedOn,
    string Body, string? BodyPhone, string ReviewBody, string Court, string Number, LetterDetails Details);

/// <summary>Fills a template with the facts of one reply: the letter's text, ready to snapshot and write.</summary>
public static class LetterComposer
{
    public const string Title = "政府信息公开申请答复告知书";

    public static LetterContent Compose(string template, LetterFacts f)
    {
        var you = f.ApplicantType.IsOrganisation() ? "你单位" : "你";
        var values = new Dictionary<string, string>
        {
            ["申请人"] = f.ApplicantName,
            ["称呼"] = you,
            ["收到日期"] = ChineseText.Date(f.ReceivedOn),
            ["申请内容"] = f.DocumentNumber is { Length: > 0 } number ? $"{f.Description.Trim()}（文号：{number}）" : f.Description.Trim(),
            ["查询码"] = f.TrackingCode,
            ["答复意见"] = LetterWording.Decision(f.Outcome, you),
            ["法律依据"] = LetterWording.Basis(f.Outcome, f.Rules),
            ["理由"] = f.ReplyText ?? "",
            ["获取方式"] = f.Outcome.Group() is OutcomeGroup.Granted or OutcomeGroup.Partial ? Obtain(f, you) : "",
            ["其他机关"] = f.Outcome == ReplyOutcome.UnavailableNotHeld ? OtherBody(f.Details, you) : "",
            ["救济途径"] = Remedies(f.ReviewBody, f.Court),
            ["复议机关"] = f.ReviewBody,
            ["诉讼法院"] = f.Court,
            ["机关名称"] = f.Body,
            ["联系电话"] = f.BodyPhone ?? "",
            ["答复日期"] = ChineseText.Date(f.RepliedOn),
            ["文号"] = f.Number,
        };
        return new LetterContent(f.Outcome.Code(), f.Body + "\n" + Title, f.Number, f.ApplicantName + "：",
            LetterTemplates.Fill(template, values), f.Body, f.RepliedOn);
    }

    /// <summary>
    /// 行政复议 within 60 days of receiving the letter (行政复议法), or 行政诉讼 within 6 months
    /// (行政诉讼法第四十六条: six months from knowing of the act; the letter is how the applicant knows).
    /// </summary>
    public static string Remedies(string reviewBody, string court) =>
        $"如对本答复不服，可以依照《中华人民共和国行政复议法》的规定，自收到本告知书之日起60日内向{reviewBody}申请行政复议；" +
        $"也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本告知书之日起6个月内向{court}提起行政诉讼。";

    private static string Obtain(LetterFacts f, string you)
    {
        if (!string.IsNullOrWhiteSpace(f.Details.Obtain)) return f.Details.Obtain.Trim();
        return string.IsNullOrWhiteSpace(f.DeliveryForm)
            ? "本机关随本告知书一并提供上述政府信息。"
            : $"本机关按照{you}申请时选择的方式（{f.DeliveryForm.Trim()}）提供上述政府信息。";
    }

    /// <summary>第三十六条第（五）项: where the responsible body is known, its name and contact.</summary>
    private static string OtherBody(LetterDetails d, string you)
    {
        if (string.IsNullOrWhiteSpace(d.OtherBody)) return "";
        var contact = string.IsNullOrWhiteSpace(d.OtherBodyContact) ? "" : $"（联系方式：{d.OtherBodyContact.Trim()}）";
        return $"经了解，该政府信息由{d.OtherBody.Trim()}负责公开{contact}，{you}可以向该机关提出申请。";
    }
}

/// <summary>
/// Names a letter takes from the org units: the issuing body's full name (the demo's departments are
/// named "区教育局"; a letter says "明湖区教育局"), the default 复议机关 and court, the 发文字号 prefix.
/// </summary>
public static class LetterNames
{
    /// <summary>"明湖区人民政府" → "明湖区"; empty when there is no government org unit.</summary>
    public static string District(string? governmentName)
    {
        var name = (governmentName ?? "").Trim();
        return name.EndsWith("人民政府", StringComparison.Ordinal) ? name[..^4] : name;
    }

    public static string FullName(string name, OrgUnitKind kind, string district)
    {
        if (district.Length == 0 || name.StartsWith(district, StringComparison.Ordinal)) return name;
        if (name.StartsWith('区') && district.EndsWith('区')) return district + name[1..];
        return kind is OrgUnitKind.Street or OrgUnitKind.Town ? district + name : name;
    }

    public static string ReviewBody(ReplyLetterOptions options, OrgUnitKind kind, string? governmentName) =>
        kind == OrgUnitKind.Government ? options.ReviewBodyForGovernment
        : !string.IsNullOrWhiteSpace(options.ReviewBody) ? options.ReviewBody.Trim()
        : string.IsNullOrWhiteSpace(governmentName) ? "区人民政府" : governmentName.Trim();

    public static string Court(ReplyLetterOptions options, string district) =>
        !string.IsNullOrWhiteSpace(options.Court) ? options.Court.Trim()
        : district.Length > 0 ? district + "人民法院" : "有管辖权的人民法院";

    /// <summary>明湖 + 教 + 依复: the district without 区/县/市, the body's abbreviation, the word.</summary>
    public static string NumberPrefix(ReplyLetterOptions options, string code, string fullName, OrgUnitKind kind, string district)
    {
        if (options.NumberPrefixes.TryGetValue(code, out var configured) && !string.IsNullOrWhiteSpace(configured)) return configured.Trim();
        var shortDistrict = district.Length > 1 && district[^1] is '区' or '县' or '市' ? district[..^1] : district;
        var rest = district.Length > 0 && fullName.StartsWith(district, StringComparison.Ordinal) ? fullName[district.Length..] : fullName;
        rest = rest.TrimStart('区', '市', '县');
        var abbreviation = kind switch
        {
            OrgUnitKind.Government => "政",
            _ when rest.StartsWith("人民政府办公室", StringComparison.Ordinal) => "政办",
            OrgUnitKind.Street or OrgUnitKind.Town => rest.Length >= 2 ? rest[..2] : rest,
            _ => rest.Length >= 1 ? rest[..1] : "",
        };
        return shortDistrict + abbreviation + options.NumberWord;
    }

    /// <summary>明湖教依复〔2026〕12号 (GB/T 9704-2012 7.2.4: the year in 六角括号, no leading zeros).</summary>
    public static string Number(string prefix, int year, int sequence) => $"{prefix}〔{year}〕{sequence}号";
}

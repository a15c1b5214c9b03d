using Gongkai.Domain.Common;
using static Gongkai.Domain.Applications.ClockNames;

namespace Gongkai.Domain.Applications;

/// <summary>行政复议 or 行政诉讼, the two columns groups of the annual report's table 四.</summary>
public enum RemedyKind
{
    /// <summary>行政复议.</summary>
    Review = 0,
    /// <summary>行政诉讼, 未经复议直接起诉.</summary>
    LawsuitDirect = 1,
    /// <summary>行政诉讼, 复议后起诉.</summary>
    LawsuitAfterReview = 2,
}

/// <summary>The result columns of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结.</summary>
public enum RemedyResult
{
    /// <summary>尚未审结.</summary>
    Pending = 0,
    /// <summary>结果维持.</summary>
    Upheld = 1,
    /// <summary>结果纠正.</summary>
    Corrected = 2,
    /// <summary>其他结果.</summary>
    Other = 3,
}

public static class RemedyNames
{
    private static readonly (RemedyResult Result, string Code, string Label)[] Results =
    [
        (RemedyResult.Upheld, "upheld", "维持"),
        (RemedyResult.Corrected, "corrected", "纠正"),
        (RemedyResult.Other, "other", "其他"),
        (RemedyResult.Pending, "pending", "尚未审结"),
    ];

    public static string Code(this RemedyResult result) => Results.Single(r => r.Result == result).Code;

    public static string ToChinese(this RemedyResult result) => Results.Single(r => r.Result == result).Label;

    /// <summary>Reads upheld/corrected/other/pending or 维持/纠正/其他/尚未审结 (also with 结果 in front, as the report prints it).</summary>
    public static bool TryParseResult(string? text, out RemedyResult result)
    {
        var key = (text ?? "").Trim();
        if (key.StartsWith("结果", StringComparison.Ordinal)) key = key[2..];
        if (key == "其他结果") key = "其他";
        foreach (var r in Results)
        {
            if (string.Equals(key, r.Code, StringComparison.OrdinalIgnoreCase) || key == r.Label)
            {
                result = r.Result;
                return true;
            }
        }
        result = default;
        return false;
    }

    public static string Code(this RemedyKind kind) => kind switch
    {
        RemedyKind.Review => "review",
        RemedyKind.LawsuitDirect => "direct",
        RemedyKind.LawsuitAfterReview => "after-review",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToChinese(this RemedyKind kind) => kind switch
    {
        RemedyKind.Review => "行政复议",
        RemedyKind.LawsuitDirect => "行政诉讼（未经复议直接起诉）",
        RemedyKind.LawsuitAfterReview => "行政诉讼（复议后起诉）",
        _ => kind.ToString(),
    };
}

/// <summary>
/// An administrative review (行政复议) or lawsuit (行政诉讼) brought over an application's handling
/// (第五十一条), counted in table 四 of the annual report by the year it was filed and its result.
/// </summary>
public sealed class RemedyCase
{
    public long Id { get; private set; }
    public long ApplicationId { get; private set; }

    /// <summary>The handling department of the application, kept here so cases are scoped like it.</summary>
    public int DepartmentId { get; private set; }

    public RemedyKind Kind { get; private set; }

    /// <summary>For a lawsuit after review: the review case it followed, when recorded.</summary>
    public long? ReviewCaseId { get; private set; }

    public DateOnly FiledOn { get; private set; }
    public RemedyResult Result { get; private set; }
    public DateOnly? DecidedOn { get; private set; }

    /// <summary>复议机关 or 法院.</summary>
    public string? Authority { get; private set; }
    public string? CaseNumber { get; private set; }

    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    private RemedyCase() { }

    public RemedyCase(InformationApplication application, RemedyKind kind, DateOnly filedOn, string? authority, string? caseNumber,
        long? reviewCaseId, TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(kind)) throw new DomainValueException("案件类型无效");
        if (filedOn < application.ReceivedOn)
            throw new DomainValueException($"立案日期（{Chinese(filedOn)}）不能早于收到申请之日（{Chinese(application.ReceivedOn)}）");
        if (filedOn > context.Today) throw new DomainValueException($"立案日期（{Chinese(filedOn)}）不能晚于今天");
        if (reviewCaseId is not null && kind != RemedyKind.LawsuitAfterReview)
            throw new DomainValueException("只有复议后起诉的诉讼案件可以关联行政复议案件");
        ApplicationId = application.Id;
        DepartmentId = application.DepartmentId;
        Kind = kind;
        FiledOn = filedOn;
        ReviewCaseId = reviewCaseId;
        Authority = Short(authority, 100, "复议机关或法院");
        CaseNumber = Short(caseNumber, 100, "案号");
        Result = RemedyResult.Pending;
        RecordedAt = UpdatedAt = context.At;
        RecordedBy = context.By;
    }

    /// <summary>Records the decision; <see cref="RemedyResult.Pending"/> takes it back to 尚未审结.</summary>
    public void Decide(RemedyResult result, DateOnly? decidedOn, TransitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(result)) throw new DomainValueException("审结结果无效");
        if (result == RemedyResult.Pending)
        {
            if (decidedOn is not null) throw new DomainValueException("尚未审结的案件不能填写审结日期");
        }
        else
        {
            if (decidedOn is not { } on) throw new DomainValueException("请填写审结日期");
            if (on < FiledOn) throw new DomainValueException($"审结日期（{Chinese(on)}）不能早于立案日期（{Chinese(FiledOn)}）");
            if (on > context.Today) throw new DomainValueException($"审结日期（{Chinese(on)}）不能晚于今天");
        }
        Result = result;
        DecidedOn = decidedOn;
        UpdatedAt = context.At;
    }

    private static string? Short(string? value, int max, string field)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text?.Length > max) throw new DomainValueException($"{field}不超过{max}个字");
        return text;
    }
}

namespace Gongkai.Domain.Publishing;

/// <summary>The life of an item of proactive disclosure.</summary>
public enum ItemState
{
    /// <summary>草稿.</summary>
    Draft = 0,
    /// <summary>待审核.</summary>
    Submitted = 1,
    /// <summary>已退回 (with a reason), editable again.</summary>
    Returned = 2,
    /// <summary>已审核，定时发布: approved, waiting for its publication time.</summary>
    Scheduled = 3,
    /// <summary>已发布.</summary>
    Published = 4,
    /// <summary>已撤回 (taken down, with a recorded reason). Keeps its 索引号.</summary>
    Withdrawn = 5,
}

/// <summary>有效性 of a published document.</summary>
public enum Validity
{
    Valid = 0,
    /// <summary>失效.</summary>
    Expired = 1,
    /// <summary>废止.</summary>
    Repealed = 2,
}

/// <summary>What kind of document an item is; the annual report counts 规章 and 规范性文件 (表二).</summary>
public enum DocumentKind
{
    Ordinary = 0,
    /// <summary>规章.</summary>
    Rule = 1,
    /// <summary>行政规范性文件.</summary>
    NormativeDocument = 2,
    /// <summary>政策解读: interprets one policy document, and each page shows the other.</summary>
    Interpretation = 3,
}

/// <summary>公开方式.</summary>
public enum DisclosureMode
{
    /// <summary>主动公开.</summary>
    Proactive = 0,
    /// <summary>依申请公开.</summary>
    OnApplication = 1,
}

public static class PublishingNames
{
    public static string ToChinese(this ItemState s) => s switch
    {
        ItemState.Draft => "草稿",
        ItemState.Submitted => "待审核",
        ItemState.Returned => "已退回",
        ItemState.Scheduled => "待定时发布",
        ItemState.Published => "已发布",
        ItemState.Withdrawn => "已撤回",
        _ => s.ToString(),
    };

    public static string ToChinese(this Validity v) => v switch
    {
        Validity.Valid => "有效",
        Validity.Expired => "失效",
        Validity.Repealed => "废止",
        _ => v.ToString(),
    };

    public static string ToChinese(this DocumentKind k) => k switch
    {
        DocumentKind.Ordinary => "一般信息",
        DocumentKind.Rule => "规章",
        DocumentKind.NormativeDocument => "行政规范性文件",
        DocumentKind.Interpretation => "政策解读",
        _ => k.ToString(),
    };

    public static string ToChinese(this DisclosureMode m) => m == DisclosureMode.OnApplication ? "依申请公开" : "主动公开";
}

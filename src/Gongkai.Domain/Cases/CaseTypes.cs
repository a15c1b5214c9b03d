namespace Gongkai.Domain.Cases;

/// <summary>
/// The three kinds of case the public-voice engine carries. They share one life (intake, triage,
/// assignment, answer, review, publication, rating) and differ in who handles them and what is public.
/// </summary>
public enum CaseKind
{
    /// <summary>民生民意: a citizen's opinion, question or request, routed to departments.</summary>
    Opinion = 1,

    /// <summary>效能投诉: a complaint about an official's or a unit's conduct. Confidential: handled by the office's supervision staff only.</summary>
    Complaint = 2,

    /// <summary>监督员建议: a suggestion filed by a supervisor (监督员); ends rectified, adopted or answered.</summary>
    Suggestion = 3,
}

/// <summary>How a case came in.</summary>
public enum CaseChannel
{
    Portal = 1,
    Letter = 2,
    Visit = 3,
    Hotline = 4,
    Open311 = 5,
    Supervisor = 6,
}

/// <summary>Where a case stands. The Chinese names are what staff and citizens see.</summary>
public enum CaseStatus
{
    /// <summary>待分办: waiting for the office to assign it (new, or returned by a department).</summary>
    Received = 1,
    /// <summary>待签收: assigned, the lead department has not accepted it yet.</summary>
    Assigned = 2,
    /// <summary>办理中: accepted and being handled (for a complaint: under investigation).</summary>
    Handling = 3,
    /// <summary>申请转办: the department asked the office to send it elsewhere.</summary>
    TransferRequested = 4,
    /// <summary>待审核: the answer is drafted, waiting for the department's reviewer.</summary>
    AnswerDrafted = 5,
    /// <summary>待公开办审核: approved by the department, waiting for the office's check.</summary>
    AnswerApproved = 6,
    /// <summary>已答复: the answer was sent to the citizen.</summary>
    Answered = 7,
    /// <summary>不满意重启: the citizen was not satisfied and reopened it; the office decides.</summary>
    Reopened = 8,
    /// <summary>已办结.</summary>
    Closed = 9,
    /// <summary>已合并: a duplicate merged into another case.</summary>
    Merged = 10,
}

/// <summary>The citizen's rating of an answer.</summary>
public enum CaseRating
{
    Satisfied = 1,
    FairlySatisfied = 2,
    Unsatisfied = 3,
}

/// <summary>How a supervisor's suggestion ended (整改 / 采纳 / 答复).</summary>
public enum SuggestionOutcome
{
    Rectified = 1,
    Adopted = 2,
    Answered = 3,
}

/// <summary>What an investigation found about a conduct complaint.</summary>
public enum ComplaintFinding
{
    Substantiated = 1,
    PartlySubstantiated = 2,
    Unsubstantiated = 3,
}

/// <summary>The kinds of timeline entry.</summary>
public enum CaseEventKind
{
    Received = 1,
    Assigned = 2,
    Accepted = 3,
    Returned = 4,
    TransferRequested = 5,
    TransferDeclined = 6,
    AnswerDrafted = 7,
    AnswerApproved = 8,
    AnswerRejected = 9,
    Answered = 10,
    Published = 11,
    Unpublished = 12,
    Rated = 13,
    Reopened = 14,
    SentBack = 15,
    FollowUp = 16,
    Supervised = 17,
    Escalated = 18,
    Merged = 19,
    MergedFrom = 20,
    Findings = 21,
    Closed = 22,
    Note = 23,
}

/// <summary>Codes used by the API and the Chinese names used by the pages.</summary>
public static class CaseCodes
{
    public static string Code(this CaseKind kind) => kind switch
    {
        CaseKind.Opinion => "opinion",
        CaseKind.Complaint => "complaint",
        CaseKind.Suggestion => "suggestion",
        _ => kind.ToString(),
    };

    public static string ToChinese(this CaseKind kind) => kind switch
    {
        CaseKind.Opinion => "民生民意",
        CaseKind.Complaint => "效能投诉",
        CaseKind.Suggestion => "监督员建议",
        _ => kind.ToString(),
    };

    /// <summary>The tracking code's prefix: MY 民意, TS 投诉, JY 建议.</summary>
    public static string TrackingPrefix(this CaseKind kind) => kind switch
    {
        CaseKind.Opinion => "MY",
        CaseKind.Complaint => "TS",
        _ => "JY",
    };

    public static bool TryParseKind(string? text, out CaseKind kind) => TryParse(text, out kind,
        (CaseKind.Opinion, "opinion", "民生民意"), (CaseKind.Complaint, "complaint", "效能投诉"), (CaseKind.Suggestion, "suggestion", "监督员建议"));

    public static string Code(this CaseChannel channel) => channel switch
    {
        CaseChannel.Portal => "portal",
        CaseChannel.Letter => "letter",
        CaseChannel.Visit => "visit",
        CaseChannel.Hotline => "hotline",
        CaseChannel.Open311 => "open311",
        CaseChannel.Supervisor => "supervisor",
        _ => channel.ToString(),
    };

    public static string ToChinese(this CaseChannel channel) => channel switch
    {
        CaseChannel.Portal => "网站",
        CaseChannel.Letter => "来信",
        CaseChannel.Visit => "来访",
        CaseChannel.Hotline => "热线电话",
        CaseChannel.Open311 => "Open311 接口",
        CaseChannel.Supervisor => "监督员",
        _ => channel.ToString(),
    };

    public static bool TryParseChannel(string? text, out CaseChannel channel) => TryParse(text, out channel,
        (CaseChannel.Portal, "portal", "网站"), (CaseChannel.Letter, "letter", "来信"), (CaseChannel.Visit, "visit", "来访"),
        (CaseChannel.Hotline, "hotline", "热线电话"), (CaseChannel.Open311, "open311", "Open311 接口"), (CaseChannel.Supervisor, "supervisor", "监督员"));

    public static string Code(this CaseStatus status) => status switch
    {
        CaseStatus.Received => "received",
        CaseStatus.Assigned => "assigned",
        CaseStatus.Handling => "handling",
        CaseStatus.TransferRequested => "transfer-requested",
        CaseStatus.AnswerDrafted => "answer-drafted",
        CaseStatus.AnswerApproved => "answer-approved",
        CaseStatus.Answered => "answered",
        CaseStatus.Reopened => "reopened",
        CaseStatus.Closed => "closed",
        CaseStatus.Merged => "merged",
        _ => status.ToString(),
    };

    public static string ToChinese(this CaseStatus status) => status switch
    {
        CaseStatus.Received => "待分办",
        CaseStatus.Assigned => "待签收",
        CaseStatus.Handling => "办理中",
        CaseStatus.TransferRequested => "申请转办",
        CaseStatus.AnswerDrafted => "待审核",
        CaseStatus.AnswerApproved => "待公开办审核",
        CaseStatus.Answered => "已答复",
        CaseStatus.Reopened => "不满意重启",
        CaseStatus.Closed => "已办结",
        CaseStatus.Merged => "已合并",
        _ => status.ToString(),
    };

    public static bool TryParseStatus(string? text, out CaseStatus status)
    {
        foreach (var s in Enum.GetValues<CaseStatus>())
            if (Matches(text, s.Code(), s.ToChinese())) { status = s; return true; }
        status = default;
        return false;
    }

    /// <summary>
    /// Not yet answered: the reply deadline runs. A reopened case is not: it waits for the office's
    /// decision (发回重办, which starts a new deadline, or 办结). <see cref="VoiceCase.Pending"/> is the same rule for queries.
    /// </summary>
    public static bool IsPending(this CaseStatus status) =>
        status is CaseStatus.Received or CaseStatus.Assigned or CaseStatus.Handling or CaseStatus.TransferRequested
            or CaseStatus.AnswerDrafted or CaseStatus.AnswerApproved;

    /// <summary>Neither closed nor merged.</summary>
    public static bool IsOpen(this CaseStatus status) => status is not (CaseStatus.Closed or CaseStatus.Merged);

    /// <summary>The public status of Open311 (open/closed).</summary>
    public static string Open311Status(this CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Merged or CaseStatus.Answered ? "closed" : "open";

    public static string Code(this CaseRating rating) => rating switch
    {
        CaseRating.Satisfied => "satisfied",
        CaseRating.FairlySatisfied => "fairly-satisfied",
        CaseRating.Unsatisfied => "unsatisfied",
        _ => rating.ToString(),
    };

    public static string ToChinese(this CaseRating rating) => rating switch
    {
        CaseRating.Satisfied => "满意",
        CaseRating.FairlySatisfied => "基本满意",
        CaseRating.Unsatisfied => "不满意",
        _ => rating.ToString(),
    };

    public static bool TryParseRating(string? text, out CaseRating rating) => TryParse(text, out rating,
        (CaseRating.Satisfied, "satisfied", "满意"), (CaseRating.FairlySatisfied, "fairly-satisfied", "基本满意"), (CaseRating.Unsatisfied, "unsatisfied", "不满意"));

    public static string Code(this SuggestionOutcome outcome) => outcome switch
    {
        SuggestionOutcome.Rectified => "rectified",
        SuggestionOutcome.Adopted => "adopted",
        SuggestionOutcome.Answered => "answered",
        _ => outcome.ToString(),
    };

    public static string ToChinese(this SuggestionOutcome outcome) => outcome switch
    {
        SuggestionOutcome.Rectified => "已整改",
        SuggestionOutcome.Adopted => "已采纳",
        SuggestionOutcome.Answered => "已答复",
        _ => outcome.ToString(),
    };

    public static bool TryParseOutcome(string? text, out SuggestionOutcome outcome) => TryParse(text, out outcome,
        (SuggestionOutcome.Rectified, "rectified", "已整改"), (SuggestionOutcome.Adopted, "adopted", "已采纳"), (SuggestionOutcome.Answered, "answered", "已答复"));

    public static string Code(this ComplaintFinding finding) => finding switch
    {
        ComplaintFinding.Substantiated => "substantiated",
        ComplaintFinding.PartlySubstantiated => "partly-substantiated",
        ComplaintFinding.Unsubstantiated => "unsubstantiated",
        _ => finding.ToString(),
    };

    public static string ToChinese(this ComplaintFinding finding) => finding switch
    {
        ComplaintFinding.Substantiated => "属实",
        ComplaintFinding.PartlySubstantiated => "部分属实",
        ComplaintFinding.Unsubstantiated => "不属实",
        _ => finding.ToString(),
    };

    public static bool TryParseFinding(string? text, out ComplaintFinding finding) => TryParse(text, out finding,
        (ComplaintFinding.Substantiated, "substantiated", "属实"), (ComplaintFinding.PartlySubstantiated, "partly-substantiated", "部分属实"),
        (ComplaintFinding.Unsubstantiated, "unsubstantiated", "不属实"));

    public static string ToChinese(this CaseEventKind kind) => kind switch
    {
        CaseEventKind.Received => "收到",
        CaseEventKind.Assigned => "分办",
        CaseEventKind.Accepted => "签收",
        CaseEventKind.Returned => "退回公开办",
        CaseEventKind.TransferRequested => "申请转办",
        CaseEventKind.TransferDeclined => "不同意转办",
        CaseEventKind.AnswerDrafted => "拟写答复",
        CaseEventKind.AnswerApproved => "部门审核通过",
        CaseEventKind.AnswerRejected => "答复退回修改",
        CaseEventKind.Answered => "答复",
        CaseEventKind.Published => "公开答复",
        CaseEventKind.Unpublished => "撤回公开",
        CaseEventKind.Rated => "评价",
        CaseEventKind.Reopened => "不满意重启",
        CaseEventKind.SentBack => "发回重办",
        CaseEventKind.FollowUp => "回访",
        CaseEventKind.Supervised => "督办",
        CaseEventKind.Escalated => "升级督办",
        CaseEventKind.Merged => "合并到其他件",
        CaseEventKind.MergedFrom => "合并重复件",
        CaseEventKind.Findings => "调查结论",
        CaseEventKind.Closed => "办结",
        CaseEventKind.Note => "备注",
        _ => kind.ToString(),
    };

    private static bool TryParse<T>(string? text, out T value, params (T Value, string Code, string Chinese)[] options)
    {
        foreach (var (v, code, chinese) in options)
            if (Matches(text, code, chinese)) { value = v; return true; }
        value = default!;
        return false;
    }

    private static bool Matches(string? text, string code, string chinese)
    {
        var t = text?.Trim();
        return !string.IsNullOrEmpty(t) && (string.Equals(t, code, StringComparison.OrdinalIgnoreCase) || t == chinese);
    }
}

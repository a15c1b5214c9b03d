namespace Gongkai.Features.PublicVoice.Statistics;

/// <summary>
/// One row of figures (办理情况统计). Rates are percentages rounded to one decimal, null when there
/// is nothing to divide by (no case received, answered or rated).
/// </summary>
/// <param name="Received">Cases received in the year (受理), duplicates merged into another case left out.</param>
/// <param name="Closed">Of those, answered or closed (办结): the answer was sent and the case not reopened.</param>
/// <param name="ClosingRate">办结率: <paramref name="Closed"/> / <paramref name="Received"/>.</param>
/// <param name="Answered">Of those, answered at least once (the on-time and working-day figures count these).</param>
/// <param name="OnTime">Answered by the due date (the latest answer's, <c>VoiceCase.AnsweredOnTime</c>).</param>
/// <param name="OnTimeRate">按期答复率: <paramref name="OnTime"/> / <paramref name="Answered"/>.</param>
/// <param name="AverageWorkingDays">平均答复用时: mean working days from receipt to the answer, one decimal.</param>
/// <param name="Rated">Answers the citizen rated.</param>
/// <param name="Satisfied">Rated 满意 or 基本满意.</param>
/// <param name="SatisfactionRate">满意率: (满意 + 基本满意) / rated.</param>
public sealed record CaseFigures(
    int Received, int Closed, double? ClosingRate, int Answered, int OnTime, double? OnTimeRate,
    double? AverageWorkingDays, int Rated, int Satisfied, double? SatisfactionRate);

/// <summary>A lead department's figures; <paramref name="Code"/> is null for cases not yet assigned (or handled by the office).</summary>
public sealed record DepartmentFigures(string? Code, string Name, CaseFigures Figures);

public sealed record KindFigures(string Kind, string Name, CaseFigures Figures);

/// <summary>The answer of GET /api/admin/cases/stats and what the statistics pages show.</summary>
/// <param name="Kind">The kind asked for, or null for every kind the caller sees.</param>
/// <param name="Kinds">The kinds counted (complaints only for the supervision staff; never on the portal).</param>
/// <param name="Scope">Whose figures: 全区 or the department's name.</param>
/// <param name="Monthly">Cases received in each month, January first (12 values).</param>
public sealed record CaseStats(
    int Year, string? Kind, IReadOnlyList<string> Kinds, string Scope, IReadOnlyList<int> Monthly, CaseFigures Totals,
    IReadOnlyList<DepartmentFigures> Departments, IReadOnlyList<KindFigures> ByKind);

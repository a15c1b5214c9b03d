using Gongkai.Domain.Common;

namespace Gongkai.Domain.AnnualReports;

/// <summary>Where a body's report on a year stands: 草稿 (computed live, editable) or 已发布 (frozen).</summary>
public enum AnnualReportStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>
/// The record of one body's report on one year (《条例》第四十九条、第五十条): the office's choices
/// (whether the district government's report counts its departments' records), and once published the
/// catalogue item it was published as and a snapshot of its numbers and texts, so later changes to
/// applications or items never alter a published report. Created on the first edit or publication.
/// </summary>
public sealed class AnnualReport
{
    public long Id { get; private set; }
    public int Year { get; private set; }

    /// <summary>A department's code, or <see cref="AnnualReportContent.GovernmentBody"/>.</summary>
    public string Body { get; private set; } = "";

    /// <summary>
    /// Only for the district government's report: count the departments' applications, items and cases too
    /// (the office chooses; the default counts them, as a 本级政府 report usually covers its 工作部门).
    /// </summary>
    public bool IncludeDepartments { get; private set; } = true;

    public AnnualReportStatus Status { get; private set; }

    /// <summary>The catalogue item (年报 column) the report was published as.</summary>
    public long? PublishedItemId { get; private set; }

    /// <summary>The published report as JSON, frozen at publication.</summary>
    public string? Snapshot { get; private set; }

    public DateTime? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>Optimistic concurrency: two people publishing at once cannot both win.</summary>
    public int Version { get; private set; }

    private AnnualReport() { }

    public AnnualReport(int year, string body, string by, DateTime at)
    {
        if (year < ReportFormats.FirstYear) throw new DomainValueException($"年度报告从{ReportFormats.FirstYear}年起");
        if (string.IsNullOrWhiteSpace(body)) throw new DomainValueException("请指定报告主体");
        Year = year;
        Body = body;
        CreatedAt = UpdatedAt = at;
        UpdatedBy = by;
    }

    public bool IsGovernment => Body == AnnualReportContent.GovernmentBody;

    /// <summary>Texts and entered figures change only while the report is a draft.</summary>
    public void Touch(string by, DateTime at)
    {
        RequireDraft("修改");
        UpdatedBy = by;
        UpdatedAt = at;
        Version++;
    }

    public void ChooseIncludeDepartments(bool include, string by, DateTime at)
    {
        if (!IsGovernment) throw new DomainValueException("只有区人民政府的年度报告可以选择是否统计所属部门的数据");
        RequireDraft("修改统计范围");
        IncludeDepartments = include;
        UpdatedBy = by;
        UpdatedAt = at;
        Version++;
    }

    /// <summary>
    /// Freezes the report: the caller has run the cross-checks (勾稽关系) and published the catalogue item.
    /// A report is published once; a correction is published as a new catalogue item by the office, not here.
    /// </summary>
    public void Publish(long itemId, string snapshot, string by, DateTime at)
    {
        RequireDraft("发布");
        if (string.IsNullOrEmpty(snapshot)) throw new ArgumentException("A published report needs its snapshot.", nameof(snapshot));
        Status = AnnualReportStatus.Published;
        PublishedItemId = itemId;
        Snapshot = snapshot;
        PublishedAt = UpdatedAt = at;
        PublishedBy = UpdatedBy = by;
        Version++;
    }

    private void RequireDraft(string action)
    {
        if (Status == AnnualReportStatus.Published)
            throw new DomainConflictException($"{Year}年度报告已于{PublishedAt:yyyy-MM-dd}发布，不能再{action}");
    }
}

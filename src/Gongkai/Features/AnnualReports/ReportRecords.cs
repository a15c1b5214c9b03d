using Gongkai.Domain.AnnualReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Features.AnnualReports;

/// <summary>
/// A figure of table 二 that comes from another system (行政许可、处罚、强制 decisions, 行政事业性收费 …):
/// entered by staff per year, body and cell key, with where it came from (数据来源).
/// </summary>
public class ReportFigure
{
    public long Id { get; set; }
    public int Year { get; set; }
    public string Body { get; set; } = "";
    /// <summary>The cell key of <see cref="ProactiveTable"/>, e.g. <c>licensing.decisions</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>Null: blank (the check 表二：每个单元格都已填写 fails until it is filled).</summary>
    public decimal? Value { get; set; }
    public string Source { get; set; } = "";
    public string EnteredBy { get; set; } = "";
    public DateTime EnteredAt { get; set; }
}

/// <summary>A section's text as staff saved it, per year, body and section key (<see cref="ReportSections"/>).</summary>
public class ReportSectionText
{
    public long Id { get; set; }
    public int Year { get; set; }
    public string Body { get; set; } = "";
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public string SavedBy { get; set; } = "";
    public DateTime SavedAt { get; set; }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("AnnualReports");
        b.HasIndex(r => new { r.Year, r.Body }).IsUnique();
        b.Property(r => r.Body).HasMaxLength(32);
        b.Property(r => r.PublishedBy).HasMaxLength(256);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsGovernment);
        b.HasOne<Domain.Publishing.DisclosureItem>().WithMany().HasForeignKey(r => r.PublishedItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportFigureConfiguration : IEntityTypeConfiguration<ReportFigure>
{
    public void Configure(EntityTypeBuilder<ReportFigure> b)
    {
        b.HasIndex(f => new { f.Year, f.Body, f.Key }).IsUnique();
        b.Property(f => f.Body).HasMaxLength(32);
        b.Property(f => f.Key).HasMaxLength(64);
        b.Property(f => f.Source).HasMaxLength(200);
        b.Property(f => f.EnteredBy).HasMaxLength(256);
        b.Property(f => f.Value).HasPrecision(18, 4);
    }
}

internal sealed class ReportSectionTextConfiguration : IEntityTypeConfiguration<ReportSectionText>
{
    public void Configure(EntityTypeBuilder<ReportSectionText> b)
    {
        b.HasIndex(s => new { s.Year, s.Body, s.Key }).IsUnique();
        b.Property(s => s.Body).HasMaxLength(32);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.SavedBy).HasMaxLength(256);
    }
}

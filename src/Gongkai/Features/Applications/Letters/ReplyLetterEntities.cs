using Gongkai.Domain.Applications;
using Gongkai.Features.Accounts;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Features.Applications.Letters;

/// <summary>
/// The reply letter (政府信息公开申请答复告知书) of one application: its number, the text as it was
/// composed when the reply was recorded (so a later template change never alters what was sent),
/// and the DOCX and PDF files written from that text, content-addressed under files/letters/.
/// A file that could not be written (no fonts, say) is missing with <see cref="Error"/> saying
/// why until staff regenerate it from the same text.
/// </summary>
public class ReplyLetter : IDepartmentOwned
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }

    /// <summary>The issuing body: the handling department when the reply was recorded.</summary>
    public int DepartmentId { get; set; }
    int? IDepartmentOwned.DepartmentId => DepartmentId;

    /// <summary>The year of the reply and the body's running number in it (发文字号 明湖教依复〔2026〕12号).</summary>
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number { get; set; } = "";

    /// <summary>The composed letter (<see cref="LetterContent"/> as JSON): the audit log keeps its length and hash only.</summary>
    public string Snapshot { get; set; } = "";

    public string? DocxPath { get; set; }
    public string? DocxSha256 { get; set; }
    public long? DocxSize { get; set; }
    public string? PdfPath { get; set; }
    public string? PdfSha256 { get; set; }
    public long? PdfSize { get; set; }

    /// <summary>Why a file is missing (Chinese, shown to staff); null once both exist.</summary>
    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>When the last file was written.</summary>
    public DateTime? GeneratedAt { get; set; }

    public bool IsComplete => DocxPath is not null && PdfPath is not null;
}

/// <summary>The office's own text for one outcome group; without a row the default in <see cref="LetterTemplates"/> applies.</summary>
public class ReplyLetterTemplate
{
    public int Id { get; set; }
    public OutcomeGroup Group { get; set; }
    /// <summary>One paragraph per line, with placeholders such as {申请人}; audited in full (it holds no personal data).</summary>
    public string Text { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class ReplyLetterConfiguration : IEntityTypeConfiguration<ReplyLetter>
{
    public void Configure(EntityTypeBuilder<ReplyLetter> b)
    {
        b.ToTable("ReplyLetters");
        // One letter per application: it is written once and kept as sent.
        b.HasIndex(l => l.ApplicationId).IsUnique();
        // Two replies at once cannot take the same number: the second retries with the next.
        b.HasIndex(l => new { l.DepartmentId, l.Year, l.Sequence }).IsUnique();
        b.Property(l => l.Number).HasMaxLength(100);
        b.Property(l => l.Snapshot).HasMaxLength(100_000);
        b.Property(l => l.DocxPath).HasMaxLength(200);
        b.Property(l => l.PdfPath).HasMaxLength(200);
        b.Property(l => l.DocxSha256).HasMaxLength(64);
        b.Property(l => l.PdfSha256).HasMaxLength(64);
        b.Property(l => l.Error).HasMaxLength(1000);
        b.Property(l => l.CreatedBy).HasMaxLength(256);
        b.Ignore(l => l.IsComplete);
        b.HasOne<InformationApplication>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(l => l.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReplyLetterTemplateConfiguration : IEntityTypeConfiguration<ReplyLetterTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyLetterTemplate> b)
    {
        b.ToTable("ReplyLetterTemplates");
        b.HasIndex(t => t.Group).IsUnique();
        b.Property(t => t.Text).HasMaxLength(LetterTemplates.MaxLength);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
    }
}

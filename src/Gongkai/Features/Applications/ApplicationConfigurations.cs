using Gongkai.Domain.Applications;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Features.Applications;

internal sealed class InformationApplicationConfiguration : IEntityTypeConfiguration<InformationApplication>
{
    public void Configure(EntityTypeBuilder<InformationApplication> b)
    {
        b.ToTable("Applications");
        b.HasIndex(a => a.TrackingCode).IsUnique();
        // The inbox: one department's applications in one status, by due date (overdue first).
        b.HasIndex(a => new { a.DepartmentId, a.Status, a.DueOn });
        // The office's view over all departments, and the overdue list.
        b.HasIndex(a => new { a.Status, a.DueOn });
        b.HasIndex(a => a.ReceivedOn);
        // The annual report's table 三 counts conclusions by FinishedOn (《条例》第五十条).
        b.HasIndex(a => a.FinishedOn);
        // Repeat applications are looked up by applicant (第三十六条第（六）项).
        b.HasIndex(a => a.ApplicantName);
        b.Property(a => a.TrackingCode).HasMaxLength(32);
        b.Property(a => a.AccessKeyHash).HasMaxLength(64);
        b.Property(a => a.ApplicantName).HasMaxLength(100);
        // Ciphertext of ASP.NET Data Protection (base64url): several times the plain length.
        b.Property(a => a.IdNumber).HasMaxLength(1000);
        b.Property(a => a.Contact).HasMaxLength(1000);
        b.Property(a => a.IdNumberMasked).HasMaxLength(100);
        b.Property(a => a.ContactMasked).HasMaxLength(200);
        b.Property(a => a.Description).HasMaxLength(4000);
        b.Property(a => a.DocumentNumber).HasMaxLength(100);
        b.Property(a => a.DeliveryForm).HasMaxLength(200);
        b.Property(a => a.ReturnReason).HasMaxLength(500);
        b.Property(a => a.DueReason).HasMaxLength(500);
        b.Property(a => a.ReplyText).HasMaxLength(20000);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        // Two writers of the same application cannot both add step n.
        b.HasIndex(e => new { e.ApplicationId, e.Sequence }).IsUnique();
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasOne<Department>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RemedyCaseConfiguration : IEntityTypeConfiguration<RemedyCase>
{
    public void Configure(EntityTypeBuilder<RemedyCase> b)
    {
        b.HasIndex(c => c.ApplicationId);
        b.HasIndex(c => new { c.DepartmentId, c.FiledOn });
        b.Property(c => c.Authority).HasMaxLength(100);
        b.Property(c => c.CaseNumber).HasMaxLength(100);
        b.Property(c => c.RecordedBy).HasMaxLength(256);
        b.HasOne<InformationApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RemedyCase>().WithMany().HasForeignKey(c => c.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

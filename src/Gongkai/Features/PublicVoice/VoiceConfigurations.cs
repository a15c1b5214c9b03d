using Gongkai.Domain.Cases;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Features.PublicVoice;

internal sealed class VoiceCaseConfiguration : IEntityTypeConfiguration<VoiceCase>
{
    public void Configure(EntityTypeBuilder<VoiceCase> b)
    {
        b.ToTable("Cases");
        b.HasIndex(c => c.TrackingCode).IsUnique();
        // The office's lists: one kind in one status by due date (overdue first); one department's inbox.
        b.HasIndex(c => new { c.Kind, c.Status, c.DueOn });
        b.HasIndex(c => new { c.DepartmentId, c.Status, c.DueOn });
        // Statistics by month and by department.
        b.HasIndex(c => new { c.Kind, c.ReceivedOn, c.DepartmentId, c.Status });
        // The portal's published answers, newest first.
        b.HasIndex(c => new { c.Kind, c.PublishedAt });
        b.HasIndex(c => c.SupervisorId);
        b.Property(c => c.TrackingCode).HasMaxLength(32);
        b.Property(c => c.AccessKeyHash).HasMaxLength(64);
        b.Property(c => c.Topic).HasMaxLength(50);
        b.Property(c => c.Title).HasMaxLength(VoiceCase.TitleMax);
        b.Property(c => c.Content).HasMaxLength(VoiceCase.ContentMax);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.CitizenName).HasMaxLength(100);
        // Ciphertext of ASP.NET Data Protection (base64url): several times the plain length.
        b.Property(c => c.Contact).HasMaxLength(1000);
        b.Property(c => c.ContactMasked).HasMaxLength(200);
        b.Property(c => c.AccusedPerson).HasMaxLength(100);
        b.Property(c => c.AnswerText).HasMaxLength(VoiceCase.AnswerMax);
        b.Property(c => c.AnswerDepartmentName).HasMaxLength(100);
        b.Property(c => c.Findings).HasMaxLength(VoiceCase.AnswerMax);
        b.Property(c => c.Sanctions).HasMaxLength(VoiceCase.ReasonMax);
        b.Property(c => c.PublicTitle).HasMaxLength(VoiceCase.TitleMax);
        b.Property(c => c.PublicQuestion).HasMaxLength(VoiceCase.ContentMax);
        b.Property(c => c.PublicAnswer).HasMaxLength(VoiceCase.AnswerMax);
        b.Property(c => c.RatingComment).HasMaxLength(500);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.TransferTargetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.AccusedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Supervisor>().WithMany().HasForeignKey(c => c.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VoiceCase>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("CaseEvents");
        // Two writers of the same case cannot both add line n.
        b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        b.Property(e => e.Text).HasMaxLength(VoiceCase.AnswerMax);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasOne<Department>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> b)
    {
        b.ToTable("CaseAssignments");
        // A department's inbox includes the cases it co-handles.
        b.HasIndex(a => new { a.DepartmentId, a.Active, a.CaseId });
        b.HasIndex(a => a.CaseId);
        b.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> b)
    {
        b.HasIndex(a => a.CaseId);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StoredPath).HasMaxLength(300);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(256);
        b.HasOne<VoiceCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> b)
    {
        b.HasIndex(l => new { l.CaseId, l.TargetType, l.TargetRef }).IsUnique();
        // The other side of a case-to-case link, and everything linked to one application.
        b.HasIndex(l => new { l.TargetType, l.TargetRef });
        b.Property(l => l.TargetRef).HasMaxLength(100);
        b.Property(l => l.Note).HasMaxLength(500);
        b.Property(l => l.CreatedBy).HasMaxLength(256);
        b.HasOne<VoiceCase>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseTopicConfiguration : IEntityTypeConfiguration<CaseTopic>
{
    public void Configure(EntityTypeBuilder<CaseTopic> b)
    {
        b.HasIndex(t => t.Code).IsUnique();
        b.Property(t => t.Code).HasMaxLength(50);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(500);
        b.Property(t => t.Group).HasMaxLength(100);
        b.Property(t => t.Keywords).HasMaxLength(300);
        b.HasOne<Department>().WithMany().HasForeignKey(t => t.DefaultDepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CaseKindSettingConfiguration : IEntityTypeConfiguration<CaseKindSetting>
{
    public void Configure(EntityTypeBuilder<CaseKindSetting> b)
    {
        b.HasIndex(s => s.Kind).IsUnique();
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class SupervisorConfiguration : IEntityTypeConfiguration<Supervisor>
{
    public void Configure(EntityTypeBuilder<Supervisor> b)
    {
        b.HasIndex(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Affiliation).HasMaxLength(200);
        b.Property(s => s.Contact).HasMaxLength(1000);
        b.Property(s => s.ContactMasked).HasMaxLength(200);
        b.Property(s => s.Notes).HasMaxLength(1000);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class SupervisorMeetingConfiguration : IEntityTypeConfiguration<SupervisorMeeting>
{
    public void Configure(EntityTypeBuilder<SupervisorMeeting> b)
    {
        b.HasIndex(m => m.HeldOn);
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Place).HasMaxLength(200);
        b.Property(m => m.Minutes).HasMaxLength(20000);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.HasKey(a => new { a.MeetingId, a.SupervisorId });
        b.HasIndex(a => a.SupervisorId);
        b.Property(a => a.Note).HasMaxLength(200);
        b.HasOne<Supervisor>().WithMany().HasForeignKey(a => a.SupervisorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.HasIndex(i => i.InspectedOn);
        b.HasIndex(i => i.BulletinItemId);
        b.Property(i => i.Place).HasMaxLength(200);
        b.Property(i => i.Method).HasMaxLength(50);
        b.Property(i => i.Findings).HasMaxLength(10000);
        b.Property(i => i.Problems).HasMaxLength(10000);
        b.Property(i => i.PersonsNamed).HasMaxLength(1000);
        b.Property(i => i.Inspectors).HasMaxLength(200);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Publishing.DisclosureItem>().WithMany().HasForeignKey(i => i.BulletinItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> b)
    {
        b.HasIndex(c => c.KeyHash).IsUnique();
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Contact).HasMaxLength(200);
        b.Property(c => c.KeyHash).HasMaxLength(64);
        b.Property(c => c.KeyPrefix).HasMaxLength(12);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class Open311RequestConfiguration : IEntityTypeConfiguration<Open311Request>
{
    public void Configure(EntityTypeBuilder<Open311Request> b)
    {
        b.HasKey(r => r.CaseId);
        b.HasIndex(r => r.Token).IsUnique();
        b.Property(r => r.Token).HasMaxLength(64);
        b.Property(r => r.DeviceId).HasMaxLength(100);
        b.Property(r => r.AccountId).HasMaxLength(100);
        b.HasOne<VoiceCase>().WithOne().HasForeignKey<Open311Request>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Open311Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.SetNull);
    }
}

using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Features.Calendar;
using Gongkai.Features.Notifications;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.CreditCode);
        b.Property(d => d.Code).HasMaxLength(32);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.CreditCode).HasMaxLength(18);
        b.Property(d => d.Duties).HasMaxLength(4000);
        b.Property(d => d.Address).HasMaxLength(200);
        b.Property(d => d.OfficeHours).HasMaxLength(200);
        b.Property(d => d.Phone).HasMaxLength(100);
        b.HasMany(d => d.Leaders).WithOne().HasForeignKey(l => l.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Communities).WithOne(c => c.Parent).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DepartmentLeaderConfiguration : IEntityTypeConfiguration<DepartmentLeader>
{
    public void Configure(EntityTypeBuilder<DepartmentLeader> b)
    {
        b.Property(l => l.Name).HasMaxLength(50);
        b.Property(l => l.Title).HasMaxLength(50);
        b.Property(l => l.Responsibilities).HasMaxLength(1000);
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(100);
        b.HasIndex(c => new { c.ParentId, c.Name }).IsUnique();
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.OccurredAt);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.ActorIp).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(128);
        b.Property(e => e.EntityId).HasMaxLength(256);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(200);
        b.Property(y => y.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasIndex(n => new { n.State, n.NextAttemptAt });
        b.Property(n => n.Recipient).HasMaxLength(256);
        b.Property(n => n.Subject).HasMaxLength(256);
        b.Property(n => n.LastError).HasMaxLength(1000);
        b.Property(n => n.Reference).HasMaxLength(128);
    }
}

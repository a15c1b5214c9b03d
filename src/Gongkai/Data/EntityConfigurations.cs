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

internal sealed class DisclosureItemConfiguration : IEntityTypeConfiguration<Gongkai.Domain.Publishing.DisclosureItem>
{
    public void Configure(EntityTypeBuilder<Gongkai.Domain.Publishing.DisclosureItem> b)
    {
        b.ToTable("Items");
        b.HasIndex(i => i.IndexNumber).IsUnique();
        b.HasIndex(i => new { i.DepartmentId, i.State });
        b.HasIndex(i => new { i.State, i.PublishedOn });
        b.HasIndex(i => i.CategoryId);
        b.HasIndex(i => i.InterpretsItemId);
        // The annual report's table 二 counts 规章 and 规范性文件 among a million items.
        b.HasIndex(i => new { i.Kind, i.State });
        b.Property(i => i.IndexNumber).HasMaxLength(100);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.DocumentNumber).HasMaxLength(100);
        b.Property(i => i.Keywords).HasMaxLength(200);
        b.Property(i => i.Summary).HasMaxLength(1000);
        b.Property(i => i.StateReason).HasMaxLength(500);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Gongkai.Features.Catalogue.CatalogueCategory>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Gongkai.Features.Catalogue.ThemeCategory>().WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Gongkai.Domain.Publishing.DisclosureItem>().WithMany().HasForeignKey(i => i.InterpretsItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogueCategoryConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.CatalogueCategory>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.CatalogueCategory> b)
    {
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Code).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Basis).HasMaxLength(50);
        b.HasOne<Gongkai.Features.Catalogue.CatalogueCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThemeCategoryConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.ThemeCategory>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.ThemeCategory> b)
    {
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Code).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasOne<Gongkai.Features.Catalogue.ThemeCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ItemVersionConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.ItemVersion>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.ItemVersion> b)
    {
        b.HasIndex(v => new { v.ItemId, v.Version }).IsUnique();
        b.Property(v => v.SavedBy).HasMaxLength(256);
        b.HasOne<Gongkai.Domain.Publishing.DisclosureItem>().WithMany().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ItemAttachmentConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.ItemAttachment>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.ItemAttachment> b)
    {
        b.HasIndex(a => a.ItemId);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StoredPath).HasMaxLength(300);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasOne<Gongkai.Domain.Publishing.DisclosureItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ItemRelationConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.ItemRelation>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.ItemRelation> b)
    {
        b.HasKey(r => new { r.ItemId, r.RelatedItemId });
        b.HasIndex(r => r.RelatedItemId);
        b.HasOne<Gongkai.Domain.Publishing.DisclosureItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Gongkai.Domain.Publishing.DisclosureItem>().WithMany().HasForeignKey(r => r.RelatedItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndexNumberSequenceConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.IndexNumberSequence>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.IndexNumberSequence> b)
    {
        b.HasKey(s => new { s.DepartmentId, s.Year });
        // Optimistic concurrency: two approvals racing for the same department and year cannot both
        // take the same number; the loser retries.
        b.Property(s => s.LastValue).IsConcurrencyToken();
    }
}

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.ChangeLogEntry> b)
    {
        b.ToTable("ChangeLog");
        b.Property(c => c.EntityType).HasMaxLength(64);
        b.HasIndex(c => c.ChangedAt);
    }
}

internal sealed class DepartmentCategoryDutyConfiguration : IEntityTypeConfiguration<Gongkai.Features.Catalogue.DepartmentCategoryDuty>
{
    public void Configure(EntityTypeBuilder<Gongkai.Features.Catalogue.DepartmentCategoryDuty> b)
    {
        b.HasKey(d => new { d.DepartmentId, d.CategoryId });
        b.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Gongkai.Features.Catalogue.CatalogueCategory>().WithMany().HasForeignKey(d => d.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Gongkai.Features.Accounts;
using Gongkai.Features.Audit;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Publishing;
using Gongkai.Features.Calendar;
using Gongkai.Features.Catalogue;
using Gongkai.Features.Notifications;
using Gongkai.Features.Organisation;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// The one model of Gongkai. Thin subclasses pick the provider (<see cref="SqliteGongkaiDbContext"/>,
/// <see cref="PostgresGongkaiDbContext"/>) and own one migration set each.
/// Every save checks department scoping and, when a staff member (or the system) writes, appends
/// the hash-chained audit entries in the same transaction.
/// </summary>
public abstract class GongkaiDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    private readonly IAuditActorAccessor? _actor;
    private readonly DepartmentScopeAccessor _scope;
    private readonly TimeProvider _clock;
    private readonly List<AuditEntry> _pendingEvents = [];

    protected GongkaiDbContext(DbContextOptions options, IAuditActorAccessor? actor, DepartmentScopeAccessor? scope, TimeProvider? clock)
        : base(options)
    {
        _actor = actor;
        _scope = scope ?? DepartmentScopeAccessor.Fixed(DepartmentScope.System);
        _clock = clock ?? TimeProvider.System;
    }

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentLeader> DepartmentLeaders => Set<DepartmentLeader>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DisclosureItem> Items => Set<DisclosureItem>();
    public DbSet<CatalogueCategory> Categories => Set<CatalogueCategory>();
    public DbSet<ThemeCategory> Themes => Set<ThemeCategory>();
    public DbSet<ItemVersion> ItemVersions => Set<ItemVersion>();
    public DbSet<ItemAttachment> ItemAttachments => Set<ItemAttachment>();
    public DbSet<ItemRelation> ItemRelations => Set<ItemRelation>();
    public DbSet<IndexNumberSequence> IndexNumberSequences => Set<IndexNumberSequence>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<DepartmentCategoryDuty> DepartmentCategoryDuties => Set<DepartmentCategoryDuty>();
    public DbSet<InformationApplication> Applications => Set<InformationApplication>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<RemedyCase> RemedyCases => Set<RemedyCase>();
    public DbSet<Domain.AnnualReports.AnnualReport> AnnualReports => Set<Domain.AnnualReports.AnnualReport>();
    public DbSet<Features.AnnualReports.ReportFigure> ReportFigures => Set<Features.AnnualReports.ReportFigure>();
    public DbSet<Features.AnnualReports.ReportSectionText> ReportSectionTexts => Set<Features.AnnualReports.ReportSectionText>();
    public DbSet<Domain.Cases.VoiceCase> Cases => Set<Domain.Cases.VoiceCase>();
    public DbSet<Domain.Cases.CaseEvent> CaseEvents => Set<Domain.Cases.CaseEvent>();
    public DbSet<Domain.Cases.CaseAssignment> CaseAssignments => Set<Domain.Cases.CaseAssignment>();
    public DbSet<Features.PublicVoice.CaseAttachment> CaseAttachments => Set<Features.PublicVoice.CaseAttachment>();
    public DbSet<Features.PublicVoice.CaseLink> CaseLinks => Set<Features.PublicVoice.CaseLink>();
    public DbSet<Features.PublicVoice.CaseTopic> CaseTopics => Set<Features.PublicVoice.CaseTopic>();
    public DbSet<Features.PublicVoice.CaseKindSetting> CaseKindSettings => Set<Features.PublicVoice.CaseKindSetting>();
    public DbSet<Features.PublicVoice.Supervisor> Supervisors => Set<Features.PublicVoice.Supervisor>();
    public DbSet<Features.PublicVoice.SupervisorMeeting> SupervisorMeetings => Set<Features.PublicVoice.SupervisorMeeting>();
    public DbSet<Features.PublicVoice.MeetingAttendance> MeetingAttendance => Set<Features.PublicVoice.MeetingAttendance>();
    public DbSet<Features.PublicVoice.Inspection> Inspections => Set<Features.PublicVoice.Inspection>();
    public DbSet<Features.PublicVoice.Open311Client> Open311Clients => Set<Features.PublicVoice.Open311Client>();
    public DbSet<Features.PublicVoice.Open311Request> Open311Requests => Set<Features.PublicVoice.Open311Request>();

    public DateTime UtcNow => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Queues an audit entry for an action that is not a row change (a sign-in, an export).</summary>
    public void RecordEvent(AuditActor actor, string action, string entityType, string entityId, object? details = null)
    {
        _pendingEvents.Add(new AuditEntry
        {
            ActorId = actor.Id,
            ActorName = actor.Name,
            ActorIp = actor.Ip,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            After = details is null ? null : AuditCapture.Serialize(details),
        });
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
    }

    /// <summary>Serialises writers of the audit chain across connections and instances.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditIsAppendOnly();
        var actor = _actor?.Current;
        if (actor is { IsStaff: true }) GuardDepartmentScope(actor);

        var captured = actor is { IsStaff: true } ? AuditCapture.Capture(ChangeTracker) : [];
        var indexed = IndexedChanges();
        if (captured.Count == 0 && _pendingEvents.Count == 0 && indexed.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            if (captured.Count > 0 || _pendingEvents.Count > 0) await LockAuditChainAsync(cancellationToken);
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

            // The search index follows this log (same transaction: no change is ever missed).
            var changedAt = UtcNow;
            foreach (var itemId in indexed.Select(read => read()).Distinct())
                ChangeLog.Add(new ChangeLogEntry { EntityType = nameof(DisclosureItem), EntityId = itemId, ChangedAt = changedAt });

            if (captured.Count > 0 || _pendingEvents.Count > 0) await AppendAuditAsync(captured, actor, cancellationToken);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);

            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Readers of the item ids whose search document changes (read after saving: new ids are known then).</summary>
    private List<Func<long>> IndexedChanges()
    {
        var changed = new List<Func<long>>();
        foreach (var e in ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                case DisclosureItem item:
                    changed.Add(() => item.Id);
                    break;
                case ItemAttachment attachment:
                    changed.Add(() => attachment.ItemId);
                    break;
            }
        }
        return changed;
    }

    private async Task AppendAuditAsync(List<AuditCapture> captured, AuditActor? actor, CancellationToken cancellationToken)
    {
        var now = AuditHash.Truncate(UtcNow);
        var entries = captured.Select(c => c.ToEntry(actor!, now)).ToList();
        foreach (var e in _pendingEvents) e.OccurredAt = now;
        entries.AddRange(_pendingEvents);
        _pendingEvents.Clear();

        var last = await AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditHash.Genesis;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = previous = AuditHash.Compute(entry);
        }
        AuditEntries.AddRange(entries);
    }

    private void GuardAuditIsAppendOnly()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only.");
    }

    private void GuardDepartmentScope(AuditActor actor)
    {
        if (actor.Id != AuditActor.System.Id)
        {
            // Domain entities cannot implement IDepartmentOwned (the domain has no app types): same check.
            GuardDomainDepartment<DisclosureItem>(i => i.DepartmentId);
            GuardDomainDepartment<InformationApplication>(a => a.DepartmentId);
            GuardDomainDepartment<RemedyCase>(c => c.DepartmentId);
        }
        foreach (var entry in ChangeTracker.Entries<IDepartmentOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            // Staff change their own account (password, two-factor) whatever their scope.
            if (entry.Entity is StaffUser own && own.Id == actor.Id) continue;
            if (actor.Id == AuditActor.System.Id) continue;
            var scope = _scope.Current;
            scope.EnsureCanWrite(entry.Entity.DepartmentId);
            // Moving a record out of one's department is a write to the department it came from too.
            if (entry.State == EntityState.Modified)
            {
                var original = entry.Property(nameof(IDepartmentOwned.DepartmentId)).OriginalValue as int?;
                scope.EnsureCanWrite(original);
            }
        }
    }

    private void GuardDomainDepartment<T>(Func<T, int> department) where T : class
    {
        foreach (var entry in ChangeTracker.Entries<T>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var scope = _scope.Current;
            scope.EnsureCanWrite(department(entry.Entity));
            // Moving a record out of one's department is a write to the department it came from too.
            if (entry.State == EntityState.Modified)
                scope.EnsureCanWrite((int)entry.Property("DepartmentId").OriginalValue!);
        }
    }
}

using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Data;

/// <summary>
/// The application's one DbContext. Tenant isolation lives here and nowhere else:
/// every <see cref="ITenantOwned"/> entity gets the named query filter <see cref="TenantFilter"/>, which returns
/// nothing when no kommun is set, and <see cref="SaveChanges(bool)"/> stamps and checks KommunId on every write.
/// Provider-specific subclasses (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) carry one
/// migration set each.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>
{
    public const string TenantFilter = "Tenant";

    protected AppDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// The request's tenant. Contexts are pooled, so this is set on every lease (see DatabaseExtensions) and a context
    /// without one sees and writes nothing of any kommun.
    /// </summary>
    internal TenantContext Tenant { get; set; } = TenantContext.None;

    /// <summary>Read by the query filter; EF parameterises it per query, so one model serves every kommun.</summary>
    internal Guid? CurrentKommunId => Tenant.KommunId;

    /// <summary>
    /// While true, new <see cref="IBulkImported"/> rows are not audited one by one: the import's
    /// <see cref="ImportBatch"/> records them in a single summary entry.
    /// </summary>
    internal bool BulkImport { get; set; }

    /// <summary>The provider's Swedish collation, put on every name and title column (<see cref="SwedishOrder"/>).</summary>
    protected abstract string SwedishCollation { get; }

    public DbSet<Kommun> Kommuner => Set<Kommun>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<FollowUpItem> FollowUpItems => Set<FollowUpItem>();
    public DbSet<MinutesVersion> MinutesVersions => Set<MinutesVersion>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<IncidentCategory> IncidentCategories => Set<IncidentCategory>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<CrimeStatistic> CrimeStatistics => Set<CrimeStatistic>();
    public DbSet<SurveyResult> SurveyResults => Set<SurveyResult>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<Lagesbild> Lagesbilder => Set<Lagesbild>();
    public DbSet<LagesbildSection> LagesbildSections => Set<LagesbildSection>();
    public DbSet<ProblemAssessment> ProblemAssessments => Set<ProblemAssessment>();
    public DbSet<ProblemCause> ProblemCauses => Set<ProblemCause>();
    public DbSet<LagesbildVersion> LagesbildVersions => Set<LagesbildVersion>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<WeeklySummary> WeeklySummaries => Set<WeeklySummary>();
    public DbSet<FordjupadLagesbild> FordjupadeLagesbilder => Set<FordjupadLagesbild>();
    public DbSet<CitizenDialogue> CitizenDialogues => Set<CitizenDialogue>();
    public DbSet<Medborgarlofte> Medborgarloften => Set<Medborgarlofte>();
    public DbSet<LofteParty> LofteParties => Set<LofteParty>();
    public DbSet<LofteVersion> LofteVersions => Set<LofteVersion>();
    public DbSet<LofteSignature> LofteSignatures => Set<LofteSignature>();
    public DbSet<Atgardsplan> Atgardsplaner => Set<Atgardsplan>();
    public DbSet<Atgard> Atgarder => Set<Atgard>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();
    public DbSet<ReportComment> ReportComments => Set<ReportComment>();
    public DbSet<CooperationAgreement> CooperationAgreements => Set<CooperationAgreement>();
    public DbSet<CooperationAgreementArea> CooperationAgreementAreas => Set<CooperationAgreementArea>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Infrastructure.DataProtectionKey> DataProtectionKeys => Set<Infrastructure.DataProtectionKey>();
    public DbSet<AccessibilityReport> AccessibilityReports => Set<AccessibilityReport>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<MailPreference> MailPreferences => Set<MailPreference>();
    public DbSet<Letterhead> Letterheads => Set<Letterhead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace == typeof(AppDbContext).Namespace + ".Configurations");
        builder.Entity<Infrastructure.DataProtectionKey>(b =>
        {
            b.Property(k => k.FriendlyName).HasMaxLength(200);
            b.ToTable("DataProtectionKeys");
        });

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            // e => e.KommunId == this.CurrentKommunId  (null when no kommun is set: nothing matches)
            var e = Expression.Parameter(entityType.ClrType, "e");
            var kommunId = Expression.Convert(Expression.Property(e, nameof(ITenantOwned.KommunId)), typeof(Guid?));
            var current = Expression.Property(Expression.Constant(this), nameof(CurrentKommunId));
            builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, Expression.Lambda(Expression.Equal(kommunId, current), e));
            builder.Entity(entityType.ClrType).HasOne(typeof(Kommun)).WithMany().HasForeignKey(nameof(ITenantOwned.KommunId)).OnDelete(DeleteBehavior.Cascade);
            builder.Entity(entityType.ClrType).HasIndex(nameof(ITenantOwned.KommunId));
            // KommunId is part of the key (KommunId, Id) that references point at (TenantKeys); EF would make up a
            // value for an empty Guid key on insert, where it must be stamped with the current kommun below.
            builder.Entity(entityType.ClrType).Property(nameof(ITenantOwned.KommunId)).ValueGeneratedNever();
            if (typeof(TenantEntity).IsAssignableFrom(entityType.ClrType))
            {
                // Ids are made in the domain (Guid v7). Telling EF so makes a new child added to a loaded parent's
                // collection an insert, not an update of a row that does not exist.
                builder.Entity(entityType.ClrType).Property(nameof(TenantEntity.Id)).ValueGeneratedNever();
            }
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType))
            {
                // The aggregate's version, set by the save path (Versioning), compared in every UPDATE of the root.
                builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
        builder.UseTenantScopedForeignKeys();
        builder.UseSwedishCollation(SwedishCollation);
    }

    // Back to the pool without a tenant: a context leased without one sees and writes nothing.
    public override void Dispose()
    {
        Tenant = TenantContext.None;
        BulkImport = false;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        Tenant = TenantContext.None;
        BulkImport = false;
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceTenant();
        TextGuard.Check(ChangeTracker);
        Versioning.Stamp(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceTenant();
        TextGuard.Check(ChangeTracker);
        Versioning.Stamp(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Stamps the current kommun on new rows; refuses any write without a kommun or to another kommun's row.</summary>
    private void EnforceTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var current = CurrentKommunId
                ?? throw new TenantIsolationException($"Ändring av {entry.Metadata.ClrType.Name} utan vald kommun.");
            var property = entry.Property(nameof(ITenantOwned.KommunId));
            if (entry.State == EntityState.Added && (Guid)property.CurrentValue! == Guid.Empty)
            {
                property.CurrentValue = current;
            }
            var original = entry.State == EntityState.Added ? (Guid)property.CurrentValue! : (Guid)property.OriginalValue!;
            if (original != current || (Guid)property.CurrentValue! != current)
            {
                throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} tillhör en annan kommun.");
            }
        }
    }
}

public sealed class TenantIsolationException(string message) : InvalidOperationException(message);

using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Parley.Data.Entities;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Flows;
using Parley.Data.Tenancy;
using Parley.Domain.Tenants;

namespace Parley.Data;

/// <summary>
/// The one database of Parley. Every <see cref="ITenantOwned"/> entity gets a named query filter on the current
/// tenant, and <see cref="SaveChanges(bool)"/> refuses to write another tenant's rows and bumps versions.
/// </summary>
public sealed partial class ParleyDbContext(DbContextOptions<ParleyDbContext> options, ITenantContext tenant)
    : IdentityDbContext<ParleyUser, ParleyRole, Guid>(options)
{
    public const string TenantFilter = "tenant";

    /// <summary>Read by the query filters; EF parameterises it per query.</summary>
    public Guid? CurrentTenantId => tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Skill> Skills => Set<Skill>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<Queue> Queues => Set<Queue>();

    public DbSet<NotReadyReason> NotReadyReasons => Set<NotReadyReason>();

    public DbSet<InteractionRecord> Interactions => Set<InteractionRecord>();

    public DbSet<AgentPresence> AgentPresence => Set<AgentPresence>();

    public DbSet<RoutingOwnership> RoutingOwnership => Set<RoutingOwnership>();

    public DbSet<RoutingHistoryEntry> RoutingHistory => Set<RoutingHistoryEntry>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<Flow> Flows => Set<Flow>();

    public DbSet<FlowVersion> FlowVersions => Set<FlowVersion>();

    public DbSet<Schedule> Schedules => Set<Schedule>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ParleyDbContext).Assembly);
        builder.UseOpenIddict();

        var apply = typeof(ParleyDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks as a sortable integer there.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = DetectChangesOnce();
        try
        {
            PrepareForSave();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var autoDetect = DetectChangesOnce();
        try
        {
            PrepareForSave();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Scans the tracked entities for changes once per save, instead of once in every reader of the change tracker (this
    /// class, each save interceptor, then EF itself): they only read it, or add entities, or set values through the
    /// change tracker. Returns the setting to restore.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return autoDetect;
    }

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                // Through the entry, so the change is seen without another scan.
                entry.Property(nameof(IVersioned.Version)).CurrentValue = entry.State == EntityState.Added ? 1 : versioned.Version + 1;
            }

            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is ITenantOwned owned
                && tenant.TenantId is { } current
                && owned.TenantId != current)
            {
                throw new CrossTenantWriteException(entry.Metadata.ClrType.Name);
            }
        }
    }
}

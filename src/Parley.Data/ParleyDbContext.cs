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
/// <para>
/// The server rents contexts from EF's pool (<c>AddPooledDbContextFactory</c>): a rented context sees no tenant until
/// <see cref="AttachTenant"/> gives it its unit of work's, and forgets it again when it is disposed (returned to the
/// pool), so a context can never carry one tenant's filter into another's request.
/// </para>
/// </summary>
public sealed partial class ParleyDbContext : IdentityDbContext<ParleyUser, ParleyRole, Guid>
{
    public const string TenantFilter = "tenant";

    private ITenantContext _tenant;

    /// <summary>EF's pool needs this one constructor: no tenant until <see cref="AttachTenant"/> (every tenant-owned query finds nothing).</summary>
    public ParleyDbContext(DbContextOptions<ParleyDbContext> options)
        : base(options) => _tenant = NoTenant.Instance;

    /// <summary>A context outside the pool (tests, design-time tools), already given its tenant.</summary>
    public static ParleyDbContext Create(DbContextOptions<ParleyDbContext> options, ITenantContext tenant)
    {
        var context = new ParleyDbContext(options);
        context.AttachTenant(tenant);
        return context;
    }

    /// <summary>Read by the query filters; EF parameterises it per query.</summary>
    public Guid? CurrentTenantId => _tenant.TenantId;

    /// <summary>Gives a rented context its unit of work's tenant (read live: a scope may learn its tenant later).</summary>
    public void AttachTenant(ITenantContext tenant) => _tenant = tenant;

    public override void Dispose()
    {
        _tenant = NoTenant.Instance;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _tenant = NoTenant.Instance;
        return base.DisposeAsync();
    }

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
                && _tenant.TenantId is { } current
                && owned.TenantId != current)
            {
                throw new CrossTenantWriteException(entry.Metadata.ClrType.Name);
            }
        }
    }
}

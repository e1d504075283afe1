using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Parley.Data.Entities.Flows;
using Parley.Domain.Tenants;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Tells <see cref="PublishedFlowCache"/> which tenants' flows changed, after the change commits, whichever code saved
/// it (the flows, schedules and tenant APIs, the demo seeder): a flow published, rolled back, unpublished or deleted, a
/// schedule changed, or the tenant's time zone changed.
/// </summary>
internal sealed class PublishedFlowInvalidation(PublishedFlowCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Flush(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<Guid>? tenants = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var tenant = entry.Entity switch
            {
                Flow f when entry.State != EntityState.Modified || entry.Property(nameof(Flow.PublishedVersion)).IsModified => f.TenantId,
                Schedule s => s.TenantId,
                Tenant t when entry.State != EntityState.Modified || entry.Property(nameof(Tenant.TimeZone)).IsModified => t.Id,
                _ => (Guid?)null,
            };
            if (tenant is { } id)
            {
                (tenants ??= []).Add(id);
            }
        }

        if (tenants is not null)
        {
            _pending.AddOrUpdate(context, tenants);
        }
    }

    /// <summary>Invalidates after the save, committed or not (a failed save may have been retried by the caller).</summary>
    private void Flush(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var tenants))
        {
            _pending.Remove(context);
            foreach (var tenant in tenants)
            {
                cache.Invalidate(tenant);
            }
        }
    }
}

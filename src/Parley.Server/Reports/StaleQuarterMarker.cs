using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Parley.Analytics.Tallies;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Reports;
using Parley.Data.Entities.Voice;

namespace Parley.Server.Reports;

/// <summary>
/// Marks the quarter hours whose stored aggregates a save makes stale, in the same save, whichever code writes the
/// record: a queued call or digital interaction added or changed, or a wrap-up completed, whose contact entered its queue
/// (or, for a call through a flow, arrived) in a quarter hour that may already be closed (it ended at least <see cref="ReportAggregateOptions.SettleAfter"/> ago,
/// less a margin for clocks between nodes). <see cref="ContactIntervalJob"/> sums those quarters again. Saves of live
/// contacts in open quarters add nothing.
/// </summary>
internal sealed class StaleQuarterMarker(IOptions<ReportAggregateOptions> options, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>How much earlier than the close a quarter is marked, for clock differences between nodes.</summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(2);

    private const string WrapUpCompleted = "agent.wrap-up-completed";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Mark(context, Collect(context, out var wrapUps), wrapUps.Count == 0 ? [] : EnqueuedAt(context, wrapUps).ToList());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var quarters = Collect(context, out var wrapUps);
            Mark(context, quarters, wrapUps.Count == 0 ? [] : await EnqueuedAt(context, wrapUps).ToListAsync(cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// The same marks for rows a save inserts without the change tracker (<see cref="Routing.Saving.PostgresRoutingSave"/>):
    /// added to the context, so the save's <c>SaveChanges</c> writes them in its transaction.
    /// </summary>
    public async Task MarkInsertedAsync(
        DbContext context, IReadOnlyList<InteractionRecord> created, IReadOnlyList<RoutingHistoryEntry> history, CancellationToken cancellationToken)
    {
        var quarters = new HashSet<(Guid, DateTimeOffset)>();
        var closable = ClosableBefore();
        foreach (var interaction in created)
        {
            Add(quarters, interaction.TenantId, interaction.EnqueuedAt, closable);
        }

        var wrapUps = new List<Guid>();
        foreach (var entry in history)
        {
            if (entry is { Kind: WrapUpCompleted, InteractionId: { } id })
            {
                wrapUps.Add(id);
            }
        }

        Mark(context, quarters, wrapUps.Count == 0 ? [] : await EnqueuedAt(context, wrapUps).ToListAsync(cancellationToken));
    }

    /// <summary>The (tenant, quarter) pairs of changed contact records, and the interactions of wrap-ups being added.</summary>
    private HashSet<(Guid Tenant, DateTimeOffset Quarter)> Collect(DbContext context, out List<Guid> wrapUps)
    {
        var quarters = new HashSet<(Guid, DateTimeOffset)>();
        wrapUps = [];
        var closable = ClosableBefore();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case CallRecordRow call:
                    if (call is { QueuedAt: { } queued, QueueId: not null })
                    {
                        Add(quarters, call.TenantId, queued, closable);
                    }

                    if (entry.State == EntityState.Modified && entry.Property(nameof(CallRecordRow.QueuedAt)).OriginalValue is DateTimeOffset before)
                    {
                        Add(quarters, call.TenantId, before, closable);
                    }

                    if (call.FlowId is not null)
                    {
                        Add(quarters, call.TenantId, call.ArrivedAt, closable); // its IVR visit
                    }

                    break;
                case InteractionRecord interaction:
                    Add(quarters, interaction.TenantId, interaction.EnqueuedAt, closable);
                    break;
                case RoutingHistoryEntry { Kind: WrapUpCompleted, InteractionId: { } id } when entry.State == EntityState.Added:
                    wrapUps.Add(id);
                    break;
            }
        }

        return quarters;
    }

    /// <summary>When the wrapped-up interactions entered their queues (a mark per interaction, not yet quartered).</summary>
    private static IQueryable<StaleContactInterval> EnqueuedAt(DbContext context, List<Guid> interactions) =>
        context.Set<InteractionRecord>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => interactions.Contains(i.Id))
            .Select(i => new StaleContactInterval { TenantId = i.TenantId, QuarterStart = i.EnqueuedAt });

    private void Mark(DbContext context, HashSet<(Guid Tenant, DateTimeOffset Quarter)> quarters, List<StaleContactInterval> wrappedUp)
    {
        var closable = ClosableBefore();
        foreach (var enqueued in wrappedUp)
        {
            Add(quarters, enqueued.TenantId, enqueued.QuarterStart, closable);
        }

        foreach (var (tenant, quarter) in quarters)
        {
            context.Add(new StaleContactInterval { TenantId = tenant, QuarterStart = quarter });
        }
    }

    /// <summary>Quarter hours that ended before this instant may be closed.</summary>
    private DateTimeOffset ClosableBefore() => time.GetUtcNow() - options.Value.SettleAfter + ClockMargin;

    private static void Add(HashSet<(Guid, DateTimeOffset)> quarters, Guid tenant, DateTimeOffset at, DateTimeOffset closableBefore)
    {
        var quarter = ContactTallies.QuarterOf(at);
        if (quarter + ContactTallies.Quarter <= closableBefore)
        {
            quarters.Add((tenant, quarter));
        }
    }
}

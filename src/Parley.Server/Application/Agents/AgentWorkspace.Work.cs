using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Messages;
using Parley.Routing.Interactions;
using Parley.Server.Auth;

namespace Parley.Server.Application.Agents;

/// <summary>The agent's work in hand: offers, active interactions and owed wrap-ups, with the customer panel's data.</summary>
internal sealed partial class AgentWorkspace
{
    /// <summary>Attributes that identify a customer across interactions, in the order they are tried.</summary>
    public static readonly IReadOnlyList<string> CustomerKeys = ["customerId", "email", "callerNumber", "phone", "from", "visitorId"];

    private const int PreviousLimit = 5;

    /// <summary>Ringing offers first, then active work, then owed wrap-ups; each oldest first.</summary>
    public async Task<AppResult<IReadOnlyList<WorkItemView>>> GetWorkAsync(CurrentActor actor, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        if (await routing.Grain.GetAgent(Key(agent)) is not { } view)
        {
            return AppResult<IReadOnlyList<WorkItemView>>.Ok([]);
        }

        var items = view.Work.Select(w => (Id: Guid.Parse(w.InteractionId), Status: w.Status == InteractionStatus.Offered ? WorkItemStatus.Offered : WorkItemStatus.Active, w.Since, WrapUpLimit: (TimeSpan?)null))
            .Concat(view.WrapUps.Select(w => (Id: Guid.Parse(w.InteractionId), Status: WorkItemStatus.WrapUp, w.Since, WrapUpLimit: w.TimeLimit)))
            .OrderBy(i => i.Status).ThenByDescending(i => i.Since)
            .ToList();
        var ids = items.Select(i => i.Id).ToList();
        var records = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var queueIds = records.Values.Select(r => r.QueueId).Distinct().ToList();
        var queues = await db.Queues.AsNoTracking().Where(q => queueIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var now = time.GetUtcNow();
        var result = new List<WorkItemView>(items.Count);
        foreach (var (id, status, since, wrapUpLimit) in items)
        {
            if (!records.TryGetValue(id, out var record))
            {
                continue;
            }

            var queue = queues.GetValueOrDefault(record.QueueId);
            var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(record.Attributes) ?? [];
            var customer = CustomerKeys.FirstOrDefault(k => attributes.TryGetValue(k, out var v) && v.Length > 0);
            result.Add(new WorkItemView(
                id, status, record.Channel, record.QueueId, queue?.Name ?? "", attributes, record.EnqueuedAt, record.AcceptedAt,
                status == WorkItemStatus.Offered ? now - since : null,
                status == WorkItemStatus.Offered && queue is not null ? now - since + TimeSpan.FromSeconds(queue.OfferTimeoutSeconds) : null,
                queue?.WrapUpMode ?? "None", queue?.WrapUpCodes ?? [],
                wrapUpLimit is { } limit ? now - since + limit : null,
                customer is null ? null : $"{customer}: {attributes[customer]}",
                customer is null ? [] : await PreviousAsync(record.Sequence, customer, attributes[customer], ct)));
        }

        return AppResult<IReadOnlyList<WorkItemView>>.Ok(result);
    }

    /// <summary>
    /// The newest earlier interactions whose attributes carry the same customer key and value: queued before this one, so
    /// a first agent wrapping up a transferred chat is not shown its continuation (the same chat, still waiting) as "previous".
    /// </summary>
    private async Task<IReadOnlyList<PreviousInteractionView>> PreviousAsync(long current, string key, string value, CancellationToken ct)
    {
        // Attributes are stored as the serializer writes them, so the pair is matched in that same spelling.
        var pair = JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value })[1..^1];
        var rows = await db.Interactions.AsNoTracking()
            .Where(i => i.Sequence < current && i.Attributes.Contains(pair))
            .OrderByDescending(i => i.Sequence).Take(PreviousLimit)
            .Join(db.Queues, i => i.QueueId, q => q.Id, (i, q) => new PreviousInteractionView(i.Id, i.Channel, q.Name, i.EnqueuedAt, i.Status, i.Outcome))
            .ToListAsync(ct);
        return rows;
    }
}

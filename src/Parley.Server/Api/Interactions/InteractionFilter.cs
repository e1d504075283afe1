using Parley.Cluster.Routing.Ports;
using Parley.Data.Entities.Acd;
using Parley.Routing.Channels;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Api.Interactions;

/// <summary>
/// The checked filters of the interaction list. States are those of the stored record; <c>createdFrom</c> is
/// inclusive and <c>createdTo</c> exclusive, both on the arrival time (<see cref="InteractionRecord.EnqueuedAt"/>).
/// </summary>
internal sealed record InteractionFilter(string? State, Guid? QueueId, string? Channel, Guid? AgentId, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo)
{
    /// <summary>Every <see cref="InteractionRecord.Status"/> the routing store writes.</summary>
    public static readonly IReadOnlyList<string> States =
    [
        InteractionRecord.Waiting,
        InteractionRecord.Active,
        nameof(InteractionChangeKind.Ended),
        nameof(InteractionChangeKind.Abandoned),
        nameof(InteractionChangeKind.Overflowed),
    ];

    /// <summary>The filters of <paramref name="query"/>, or the field errors that make it invalid.</summary>
    public static bool TryCreate(InteractionListQuery query, out InteractionFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var state = Choose(query.State, States, "state", errors);
        var channel = Choose(query.Channel, Enum.GetNames<Channel>(), "channel", errors);
        var queueId = QueryField.Id(query.QueueId, "queueId", errors);
        var agentId = QueryField.Id(query.AgentId, "agentId", errors);
        var from = QueryField.Timestamp(query.CreatedFrom, "createdFrom", errors);
        var to = QueryField.Timestamp(query.CreatedTo, "createdTo", errors);
        if (from is not null && to is not null && from > to)
        {
            errors["createdTo"] = ["Must not be before createdFrom."];
        }

        filter = new InteractionFilter(state, queueId, channel, agentId, from, to);
        return errors.Count == 0;
    }

    public IQueryable<InteractionRecord> Apply(IQueryable<InteractionRecord> records)
    {
        if (State is not null)
        {
            records = records.Where(i => i.Status == State);
        }

        if (QueueId is { } queue)
        {
            records = records.Where(i => i.QueueId == queue);
        }

        if (Channel is not null)
        {
            records = records.Where(i => i.Channel == Channel);
        }

        if (AgentId is { } agent)
        {
            records = records.Where(i => i.AgentId == agent);
        }

        if (CreatedFrom is { } from)
        {
            records = records.Where(i => i.EnqueuedAt >= from);
        }

        if (CreatedTo is { } to)
        {
            records = records.Where(i => i.EnqueuedAt < to);
        }

        return records;
    }

    /// <summary>The canonical spelling of one of <paramref name="allowed"/> (any case), null when absent.</summary>
    private static string? Choose(string? text, IReadOnlyList<string> allowed, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors[field] = [$"Must be one of: {string.Join(", ", allowed)}."];
        }

        return match;
    }
}

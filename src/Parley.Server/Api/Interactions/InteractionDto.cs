using Parley.Cluster.Routing.Messages;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Interactions;

/// <summary>An interaction as stored (its <see cref="InteractionSummaryDto"/>), with its live position while it waits and its routing history.</summary>
public sealed record InteractionDto : InteractionSummaryDto
{
    private InteractionDto(InteractionSummaryDto stored, PositionView? position, IReadOnlyList<RoutingHistoryDto> history)
        : base(stored)
    {
        Position = position;
        History = history;
    }

    public PositionView? Position { get; init; }

    public IReadOnlyList<RoutingHistoryDto> History { get; init; }

    public static InteractionDto From(InteractionRecord i, PositionView? position, IReadOnlyList<RoutingHistoryDto> history) =>
        From(InteractionSummaryDto.From(i), position, history);

    public static InteractionDto From(InteractionSummaryDto stored, PositionView? position, IReadOnlyList<RoutingHistoryDto> history) =>
        new(stored, position, history);
}

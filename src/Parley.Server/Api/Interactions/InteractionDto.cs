using System.Text.Json.Serialization;
using Parley.Cluster.Routing.Messages;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Interactions;

/// <summary>
/// An interaction as stored (its <see cref="InteractionSummaryDto"/>), with its live position while it waits and its routing
/// history. The answer to a creation has no <c>history</c> (a read on the write path; a GET shows it).
/// </summary>
public sealed record InteractionDto : InteractionSummaryDto
{
    private InteractionDto(InteractionSummaryDto stored, PositionView? position, IReadOnlyList<RoutingHistoryDto>? history)
        : base(stored)
    {
        Position = position;
        History = history;
    }

    public PositionView? Position { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RoutingHistoryDto>? History { get; init; }

    public static InteractionDto From(InteractionRecord i, PositionView? position, IReadOnlyList<RoutingHistoryDto> history) =>
        From(InteractionSummaryDto.From(i), position, history);

    public static InteractionDto From(InteractionSummaryDto stored, PositionView? position, IReadOnlyList<RoutingHistoryDto> history) =>
        new(stored, position, history);

    /// <summary>The answer to a creation: the record as stored and its live position, without history.</summary>
    public static InteractionDto Created(InteractionSummaryDto stored, PositionView? position) => new(stored, position, null);
}

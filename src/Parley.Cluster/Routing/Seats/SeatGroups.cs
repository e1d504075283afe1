using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;

namespace Parley.Cluster.Routing.Seats;

/// <summary>How channels fall into seat groups, and the names limits carry in problems (<c>seats.voice</c>).</summary>
public static class SeatGroups
{
    public static IReadOnlyList<SeatGroup> All { get; } = [SeatGroup.Voice, SeatGroup.Digital, SeatGroup.Video];

    public static SeatGroup Of(Channel channel) => channel switch
    {
        Channel.Voice => SeatGroup.Voice,
        Channel.Video => SeatGroup.Video,
        _ => SeatGroup.Digital,
    };

    /// <summary>
    /// The groups an agent takes a seat in: those of the channels they are configured for
    /// (<see cref="AgentDefinition.SeatChannels"/>), else of their capacities above 0.
    /// </summary>
    public static IReadOnlySet<SeatGroup> For(AgentDefinition agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var channels = agent.SeatChannels ?? [.. agent.Capacities.Where(c => c.Value > 0).Select(c => c.Key)];
        return channels.Select(Of).ToHashSet();
    }

    /// <summary>The limit's name as problems and the API show it.</summary>
    public static string LimitName(SeatGroup group) => "seats." + group.ToString().ToLowerInvariant();

    /// <summary>The engine's refusal for a full group.</summary>
    public static RoutingResult Refusal(SeatGroup group) => group switch
    {
        SeatGroup.Voice => RoutingResult.NoVoiceSeat,
        SeatGroup.Digital => RoutingResult.NoDigitalSeat,
        _ => RoutingResult.NoVideoSeat,
    };
}

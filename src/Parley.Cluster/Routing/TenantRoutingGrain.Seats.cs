using Parley.Cluster.Routing.Seats;
using Parley.Routing;
using Parley.Routing.Agents;

namespace Parley.Cluster.Routing;

/// <summary>
/// Seats: a signed-in agent holds one seat in each channel group their capacities name. The grain is the tenant's
/// only owner of sign-ins (Orleans runs one call at a time, on one silo), so the check and the sign-in cannot race.
/// Limits only refuse new sign-ins: lowering them never signs anyone out.
/// </summary>
internal sealed partial class TenantRoutingGrain
{
    private readonly Dictionary<string, IReadOnlySet<SeatGroup>> _seatGroups = new(StringComparer.Ordinal);
    private SeatLimits _seatLimits = SeatLimits.Unlimited;

    public async Task<SeatsView> RefreshPlan()
    {
        _seatLimits = await plans.LoadSeatLimitsAsync(_tenantId, CancellationToken.None);
        return Seats();
    }

    public Task<SeatsView> GetSeats() => Task.FromResult(Seats());

    private void DefineSeats(AgentDefinition agent) => _seatGroups[agent.Id.Value] = SeatGroups.For(agent);

    /// <summary>The refusal when signing <paramref name="agentId"/> in would exceed a limit; null when it fits.</summary>
    private RoutingResult? SeatRefusal(string agentId)
    {
        if (!_seatGroups.TryGetValue(agentId, out var wanted) || IsSignedIn(agentId))
        {
            return null; // unknown or already signed in: the engine gives its own answer
        }

        var inUse = Seats();
        foreach (var group in wanted)
        {
            if (_seatLimits.Of(group) is { } limit && InUse(inUse, group) >= limit)
            {
                return SeatGroups.Refusal(group);
            }
        }

        return null;
    }

    private SeatsView Seats()
    {
        Span<int> counts = stackalloc int[3];
        foreach (var (agentId, groups) in _seatGroups)
        {
            if (IsSignedIn(agentId))
            {
                foreach (var group in groups)
                {
                    counts[(int)group]++;
                }
            }
        }

        return new SeatsView(counts[(int)SeatGroup.Voice], counts[(int)SeatGroup.Digital], counts[(int)SeatGroup.Video], _seatLimits);
    }

    private static int InUse(SeatsView seats, SeatGroup group) => group switch
    {
        SeatGroup.Voice => seats.Voice,
        SeatGroup.Digital => seats.Digital,
        _ => seats.Video,
    };

    private bool IsSignedIn(string agentId) => _engine.GetAgent(new AgentId(agentId)) is { State: not AgentState.LoggedOut };
}

using Parley.Cluster.Routing.Seats;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// The supervisor dashboard at <see cref="At"/>: tenant totals, each queue, each channel served, and every agent. Durations
/// are as of <see cref="At"/>; a screen advances them with its own clock until the next view.
/// </summary>
public sealed record DashboardView(
    DateTimeOffset At,
    DateOnly Day,
    string TimeZone,
    MetricRow Totals,
    IReadOnlyList<MetricRow> Queues,
    IReadOnlyList<MetricRow> Channels,
    IReadOnlyList<AgentRow> Agents)
{
    /// <summary>Seats in use per channel group against the tenant's plan (null where routing did not say).</summary>
    public SeatsView? Seats { get; init; }

    /// <summary>How service level is computed, for screens and API readers.</summary>
    public const string ServiceLevelDefinition =
        "Answered within the queue's service-level threshold / offered today (offered: entered the queue today, except contacts still waiting for less than the threshold).";
}

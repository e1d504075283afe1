using System.Text.Json.Serialization;
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

    /// <summary>
    /// When the figures next change with no event: the first instant a contact still waiting under its queue's service-level
    /// threshold reaches it (<see cref="TodayFigures"/>). The live feed computes a new view then; null when nothing is pending.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? NextChange { get; init; }

    /// <summary>How service level is computed, for screens and API readers.</summary>
    public const string ServiceLevelDefinition =
        "Answered within the queue's service-level threshold / offered today. Offered: entered the queue today, answered or not; a contact still waiting counts (as a miss) once its wait reaches the threshold, and not before. Calls agents placed are not offered.";
}

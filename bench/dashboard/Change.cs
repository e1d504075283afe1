using Parley.Routing.Agents;

namespace Parley.Bench.Dashboard;

/// <summary>An agent's state change: what it sets, and when the grain acknowledged it (0 while in flight).</summary>
internal sealed record Change(long Sequence, AgentState State, string? Reason)
{
    public long AcknowledgedAt { get; set; }

    public long AcknowledgedUtcTicks { get; set; }
}

using Parley.Routing.Interactions;

namespace Parley.Routing.Restore;

/// <summary>
/// What a host persists to rebuild the engine: signed-in agents, interactions not yet accepted (offers that were
/// ringing count as waiting: they go back to their queue), and accepted interactions still in progress.
/// Waiting interactions are ordered by original enqueue time, ties by their order in <see cref="Waiting"/>.
/// </summary>
public sealed record RoutingRestoreState(
    IReadOnlyList<AgentRestore> Agents,
    IReadOnlyList<WaitingInteraction> Waiting,
    IReadOnlyList<ActiveInteractionRestore> Active);

using Parley.Routing.Agents;
using Parley.Routing.Interactions;

namespace Parley.Routing.Timers;

/// <summary>A scheduled check. Stale entries (generation moved on, wrap-up already done) are skipped when due.</summary>
internal readonly record struct TimerEntry(TimerKind Kind, InteractionRuntime? Interaction, int Generation, AgentRuntime? Agent, WrapUpItem? WrapUp);

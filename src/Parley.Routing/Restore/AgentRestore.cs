using Parley.Routing.Agents;

namespace Parley.Routing.Restore;

/// <summary>
/// A signed-in agent as persisted by the host: the state they selected (null reason = available) and since when.
/// Agents are restored in <see cref="StateSince"/> order, which becomes their idle order.
/// </summary>
public sealed record AgentRestore(AgentId AgentId, string? NotReadyReason, DateTimeOffset StateSince, bool SignOutPending = false);

using Parley.Cluster.Routing.Messages;
using Parley.Server.Api.Agents;
using Parley.Server.Api.NotReadyReasons;

namespace Parley.Server.Application.Agents;

/// <summary>The calling agent: profile, live routing state (null when the grain does not know them) and the tenant's not-ready reasons.</summary>
public sealed record AgentSelfView(AgentDto Agent, AgentView? State, IReadOnlyList<NotReadyReasonDto> NotReadyReasons);

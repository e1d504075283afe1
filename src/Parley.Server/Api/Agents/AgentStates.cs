using Parley.Cluster.Routing;
using Parley.Data;
using Parley.Server.Application;
using Parley.Server.Application.Agents;

namespace Parley.Server.Api.Agents;

/// <summary>HTTP adapter of <see cref="AgentStateCommands"/> for a supervisor forcing an agent's state.</summary>
internal static class AgentStates
{
    public static async Task<IResult> SelectAsync(ITenantRoutingGrain grain, Guid agentId, AgentStateRequest request, bool forced, ParleyDbContext db, CancellationToken ct) =>
        (await AgentStateCommands.SelectAsync(grain, agentId, request.State, request.Reason, forced, db, ct)).ToHttp(TypedResults.Ok);
}

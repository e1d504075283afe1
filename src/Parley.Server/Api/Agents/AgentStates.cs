using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing;
using Parley.Data;
using Parley.Routing;
using Parley.Server.Api.Conventions;
using Parley.Server.Routing;

namespace Parley.Server.Api.Agents;

/// <summary>Carries a state selection (by the agent or forced by a supervisor) to the routing grain.</summary>
internal static class AgentStates
{
    public static async Task<IResult> SelectAsync(ITenantRoutingGrain grain, Guid agentId, AgentStateRequest request, bool forced, ParleyDbContext db, CancellationToken ct)
    {
        var id = RoutingDefinitions.Key(agentId);
        RoutingResult result;
        switch (request.State)
        {
            case "Available":
                result = await grain.SetAvailable(id, forced);
                break;
            case "NotReady":
                if (await CheckReasonAsync(request.Reason, db, ct) is { } invalid)
                {
                    return invalid;
                }

                result = await grain.SetNotReady(id, request.Reason!, forced);
                break;
            default:
                result = await grain.SignOut(id, forced);
                break;
        }

        return RoutingProblems.From(result) ?? TypedResults.Ok(await grain.GetAgent(id));
    }

    public static async Task<IResult?> CheckReasonAsync(string? reason, ParleyDbContext db, CancellationToken ct) =>
        reason is null
            ? ApiProblems.Invalid("reason", "Not ready needs a reason code.")
            : await db.NotReadyReasons.AnyAsync(r => r.Code == reason, ct) ? null : ApiProblems.Invalid("reason", "No such not-ready reason.");
}

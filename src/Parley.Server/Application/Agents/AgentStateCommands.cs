using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Data;
using Parley.Routing;
using Parley.Server.Routing;

namespace Parley.Server.Application.Agents;

/// <summary>Carries a state selection (by the agent, or forced by a supervisor) to the routing grain.</summary>
internal static class AgentStateCommands
{
    public const string Available = "Available";
    public const string NotReady = "NotReady";
    public const string LoggedOut = "LoggedOut";

    public static async Task<AppResult<AgentView>> SelectAsync(
        ITenantRoutingGrain grain, Guid agentId, string state, string? reason, bool forced, ParleyDbContext db, CancellationToken ct)
    {
        var id = RoutingDefinitions.Key(agentId);
        RoutingResult result;
        switch (state)
        {
            case Available:
                result = await grain.SetAvailable(id, forced);
                break;
            case NotReady:
                if (await CheckReasonAsync(reason, db, ct) is { } invalid)
                {
                    return invalid;
                }

                result = await grain.SetNotReady(id, reason!, forced);
                break;
            case LoggedOut:
                result = await grain.SignOut(id, forced);
                break;
            default:
                return AppError.Invalid("state", "Must be one of: Available, NotReady, LoggedOut.");
        }

        return await ViewAfterAsync(grain, id, result);
    }

    public static async Task<AppError?> CheckReasonAsync(string? reason, ParleyDbContext db, CancellationToken ct) =>
        reason is null
            ? AppError.Invalid("reason", "Not ready needs a reason code.")
            : await db.NotReadyReasons.AnyAsync(r => r.Code == reason, ct) ? null : AppError.Invalid("reason", "No such not-ready reason.");

    /// <summary>The agent's view after a command, or the command's refusal.</summary>
    public static async Task<AppResult<AgentView>> ViewAfterAsync(ITenantRoutingGrain grain, string agentId, RoutingResult result) =>
        AppError.From(result) is { } refused
            ? refused
            : await grain.GetAgent(agentId) is { } view ? AppResult<AgentView>.Ok(view) : AppError.NotFound();
}

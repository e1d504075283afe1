using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Auth;
using Parley.Server.Auth.Sessions;

namespace Parley.Server.Hubs;

/// <summary>
/// Pushes routing events (method <c>routing</c>, an array of events) to the caller's groups. The server decides the
/// groups from the credentials alone: <c>realtime.read</c> joins the tenant's supervisors group (every event);
/// <c>agent.self</c> of a user linked to an agent joins that agent's group (its own offers, work and state).
/// Clients cannot join or leave groups. Connections are tracked so <see cref="HubConnectionRevalidator"/> can close them
/// when the access they were opened with ends.
/// </summary>
public sealed class RoutingHub(IServiceScopeFactory scopes, HubConnections connections, IOptions<IdentityOptions> identity) : Hub
{
    public const string Method = "routing";
    public const string SupervisorPath = "/hubs/routing";
    public const string AgentPath = "/hubs/agent";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is null || CurrentActor.From(Context.User) is not { } actor)
        {
            Context.Abort();
            return;
        }

        var path = Context.GetHttpContext()?.Request.Path ?? default;
        connections.Add(new TrackedConnection(
            Context,
            actor,
            path.StartsWithSegments(AgentPath) ? Permissions.AgentSelf : Permissions.RealtimeRead,
            SessionClaims.SessionOf(Context.User),
            Context.User.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value,
            Context.User.GetExpirationDate()));

        if (actor.Permissions.Contains(Permissions.RealtimeRead))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RoutingGroups.Supervisors(actor.TenantId));
        }

        if (actor.Permissions.Contains(Permissions.AgentSelf) && actor.ActorType == ParleyClaims.ActorUser && Guid.TryParse(actor.ActorId, out var userId))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(actor.TenantId);
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var agentId = await db.Agents.Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(Context.ConnectionAborted);
            if (agentId is { } id)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, RoutingGroups.Agent(actor.TenantId, id.ToString()));
            }
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

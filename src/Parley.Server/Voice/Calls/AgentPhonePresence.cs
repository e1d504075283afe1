using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing;
using Parley.Data.Entities.Sip;
using Parley.Server.Hubs;
using Parley.Server.Routing;
using Parley.Server.Tenants;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Keeps routing in step with agents' phones: when a device registers or its registration ends, the agents whose
/// phone is that SIP account are reloaded in their tenant's routing grain, which then offers them voice or stops, and
/// <c>agent.phone-changed</c> tells their screens (workspace circuits on every node, the agent's and the supervisors'
/// SignalR groups) to read the phone's status again.
/// </summary>
internal sealed class AgentPhonePresence(
    IServiceScopeFactory scopes, IGrainFactory grains, LiveRoutingEvents live, IHubContext<RoutingHub> hub, TimeProvider time, ILogger<AgentPhonePresence> logger)
{
    public const string ChangedEvent = "agent.phone-changed";

    private static readonly IReadOnlyDictionary<string, object?> NoData = new Dictionary<string, object?>();

    /// <summary>The registrations of <paramref name="sipUserNames"/> in <paramref name="tenantId"/> changed.</summary>
    public async Task ChangedAsync(Guid tenantId, IReadOnlyCollection<string> sipUserNames, CancellationToken cancellationToken)
    {
        if (sipUserNames.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.OpenTenant(tenantId, out var db);
            var names = sipUserNames.Select(n => n.ToLowerInvariant()).ToList();
            var credentials = await db.Set<SipCredential>().AsNoTracking()
                .Where(c => names.Contains(c.SipUserName.ToLower()))
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
            var agents = await db.Agents.AsNoTracking()
                .Where(a => a.PhoneKind == AgentPhoneReach.Registered && a.PhoneSipCredentialId != null && credentials.Contains(a.PhoneSipCredentialId.Value))
                .Select(a => a.Id)
                .ToListAsync(cancellationToken);
            CallHostLog.PhonePresenceChanged(logger, string.Join(", ", sipUserNames), tenantId, agents.Count);
            var grain = grains.GetGrain<ITenantRoutingGrain>(tenantId);
            foreach (var agent in agents)
            {
                await grain.RefreshAgent(agent.ToString());
            }

            await TellScreensAsync(tenantId, agents, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The registration itself is saved; routing catches up at the next change or grain activation.
            CallHostLog.PhonePresenceFailed(logger, ex, tenantId);
        }
    }

    private async Task TellScreensAsync(Guid tenantId, List<Guid> agents, CancellationToken cancellationToken)
    {
        if (agents.Count == 0)
        {
            return;
        }

        var at = time.GetUtcNow();
        var messages = agents.Select(a => new RoutingEventMessage(ChangedEvent, at, null, null, a.ToString(), NoData)).ToArray();
        await live.PublishAsync(tenantId, messages);
        await hub.Clients.Group(RoutingGroups.Supervisors(tenantId)).SendAsync(RoutingHub.Method, messages, cancellationToken);
        foreach (var message in messages)
        {
            await hub.Clients.Group(RoutingGroups.Agent(tenantId, message.AgentId!)).SendAsync(RoutingHub.Method, new[] { message }, cancellationToken);
        }
    }
}

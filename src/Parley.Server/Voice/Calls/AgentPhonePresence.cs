using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing;
using Parley.Data.Entities.Sip;
using Parley.Server.Tenants;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Keeps routing in step with agents' phones: when a device registers or its registration ends, the agents whose
/// phone is that SIP account are reloaded in their tenant's routing grain, which then offers them voice or stops.
/// </summary>
internal sealed class AgentPhonePresence(IServiceScopeFactory scopes, IGrainFactory grains, ILogger<AgentPhonePresence> logger)
{
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
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The registration itself is saved; routing catches up at the next change or grain activation.
            CallHostLog.PhonePresenceFailed(logger, ex, tenantId);
        }
    }
}

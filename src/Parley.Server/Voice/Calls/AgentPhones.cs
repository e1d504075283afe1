using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Sip;
using Parley.Server.Sip;
using Parley.Server.Tenants;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>The server's <see cref="IAgentPhones"/>: the agent's fixed URI, or the newest device registered with their SIP credential.</summary>
internal sealed class AgentPhones(IServiceScopeFactory scopes, TimeProvider time) : IAgentPhones
{
    public async ValueTask<AgentPhoneTarget?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        switch (agent)
        {
            case { PhoneKind: AgentPhoneReach.Uri, PhoneUri: { } uri }:
                return new AgentPhoneTarget(uri, agent.DisplayName);
            case { PhoneKind: AgentPhoneReach.Registered, PhoneSipCredentialId: { } credentialId }:
                var credential = await db.Set<SipCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == credentialId, cancellationToken);
                var registration = credential is null ? null : await AgentPhoneReach.RegistrationOfAsync(db, credential, time.GetUtcNow(), cancellationToken);
                return registration is null ? null : new AgentPhoneTarget(registration.ContactUri, agent.DisplayName) { Route = SipRegistrationPath.Split(registration.Path) };
            default:
                return null;
        }
    }
}

namespace Parley.Voice.Calls.Ports;

/// <summary>Where an agent's phone rings: their registered device or their fixed URI; null when they have no reachable phone.</summary>
public interface IAgentPhones
{
    ValueTask<AgentPhoneTarget?> FindAsync(Guid tenantId, Guid agentId, CancellationToken cancellationToken = default);
}

namespace Parley.Voice.Calls.Ports;

/// <summary>How a tenant's calls leave for the telephone network: the trunk to use for an outside number.</summary>
public interface IOutboundTrunks
{
    /// <summary>The tenant's trunk with an outbound host (the oldest, when several have one), or null.</summary>
    ValueTask<OutboundTrunk?> FindAsync(Guid tenantId, CancellationToken cancellationToken = default);
}

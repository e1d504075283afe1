namespace Parley.Voice.Calls.Ports;

/// <summary>How a tenant's calls leave for the telephone network: the trunk to use for an outside number.</summary>
public interface IOutboundTrunks
{
    /// <summary>
    /// The tenant's trunk with an outbound host whose allowed destinations take <paramref name="e164"/> (the oldest, when
    /// several do), or null: no trunk, or none may call that number.
    /// </summary>
    ValueTask<OutboundTrunk?> FindAsync(Guid tenantId, string e164, CancellationToken cancellationToken = default);
}

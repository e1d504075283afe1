namespace Parley.Voice.Calls.Ports;

/// <summary>A tenant's published flows as calls run them, with the subflows and schedules they reference preloaded.</summary>
public interface IPublishedFlows
{
    /// <summary>The published version of <paramref name="flowId"/>, or null when there is none.</summary>
    ValueTask<PublishedFlow?> FindAsync(Guid tenantId, Guid flowId, CancellationToken cancellationToken = default);
}

namespace Parley.Voice.Queues;

/// <summary>Reads a queue's caller settings when a caller starts waiting (cached; queue writes refresh it).</summary>
public interface IQueueCallerSettings
{
    /// <summary>The queue's settings, or null when the tenant has no such queue.</summary>
    ValueTask<QueueCallerSettings?> GetAsync(Guid tenantId, Guid queueId, CancellationToken cancellationToken = default);
}

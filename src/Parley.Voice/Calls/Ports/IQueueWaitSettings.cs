using Parley.Voice.Ivr;

namespace Parley.Voice.Calls.Ports;

/// <summary>What a caller waiting in a queue hears and may do: announcement interval, breakout key and flow, voice.</summary>
public interface IQueueWaitSettings
{
    ValueTask<QueueWaitSettings> GetAsync(Guid tenantId, Guid queueId, CancellationToken cancellationToken = default);
}

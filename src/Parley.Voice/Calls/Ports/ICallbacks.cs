namespace Parley.Voice.Calls.Ports;

/// <summary>Callbacks a flow offers: the caller hangs up and keeps their place; an agent's phone rings, then the caller's.</summary>
public interface ICallbacks
{
    /// <summary>Queues a callback interaction (channel Voice) and listens for its offers; refused like a queue transfer.</summary>
    ValueTask<CallQueueResult> RequestAsync(CallbackRequest request, CancellationToken cancellationToken = default);
}

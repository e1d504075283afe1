namespace Parley.Voice.Records;

/// <summary>How a call ended, for reports.</summary>
public enum CallDisposition
{
    /// <summary>Caller and agent talked.</summary>
    Answered,
    /// <summary>The caller hung up in the IVR.</summary>
    AbandonedInIvr,
    /// <summary>The caller hung up while waiting in a queue (or while an agent's phone rang).</summary>
    AbandonedInQueue,
    /// <summary>The flow hung up (closed, no input, end of flow).</summary>
    EndedByFlow,

    /// <summary>
    /// The caller left a voicemail (a flow's <c>voicemail</c> block, or their queue's overflow to voicemail, queued it) and
    /// the call ended there.
    /// </summary>
    Voicemail,
    /// <summary>No agent could take it (queue refused, overflowed out, transfer failed).</summary>
    NotAnswered,
    /// <summary>The node died with the call on it; closed at the next start-up.</summary>
    NodeFailure,

    /// <summary>The caller's queue overflowed to a callback: a callback to their number waits in the queue with their place.</summary>
    Callback,
}

namespace Parley.Voice.Ivr;

/// <summary>How <see cref="QueueWaitPlayer.RunAsync"/> ended.</summary>
public enum QueueWaitOutcome
{
    /// <summary>The token was cancelled: an agent answered or the caller hung up.</summary>
    Stopped,

    /// <summary>The caller pressed the queue's breakout key.</summary>
    Breakout,
}

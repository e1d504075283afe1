namespace Parley.Server.Recordings;

/// <summary>What asking for a transcription did.</summary>
public enum TranscriptionRequest
{
    /// <summary>Queued now.</summary>
    Queued,

    /// <summary>Already queued or running on this node.</summary>
    InProgress,

    /// <summary>Done before; nothing queued.</summary>
    AlreadyDone,

    /// <summary>This node's queue is full; try later.</summary>
    Busy,

    /// <summary>The recording's file is deleted.</summary>
    Gone,
}

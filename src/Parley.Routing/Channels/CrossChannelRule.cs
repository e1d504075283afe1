namespace Parley.Routing.Channels;

/// <summary>How work on one channel limits offers on another, on top of per-channel capacity.</summary>
public enum CrossChannelRule
{
    /// <summary>Each channel is limited only by its own capacity.</summary>
    Independent = 0,

    /// <summary>An active or ringing voice/video interaction blocks offers on every other channel.</summary>
    RealTimeBlocksOthers = 1,

    /// <summary>Work on any channel blocks offers on every other channel.</summary>
    Exclusive = 2,
}

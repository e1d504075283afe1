namespace Parley.Routing.Channels;

/// <summary>Facts about <see cref="Channel"/> values used by capacity checks.</summary>
public static class ChannelInfo
{
    /// <summary>Number of <see cref="Channel"/> values; channel-indexed arrays have this length.</summary>
    public const int Count = 5;

    /// <summary>Voice and video occupy the agent's attention entirely.</summary>
    public static bool IsRealTime(Channel channel) => channel is Channel.Voice or Channel.Video;
}

namespace Parley.Channels.WebChat;

/// <summary>The web chat protocol's fixed limits.</summary>
public static class ChatLimits
{
    /// <summary>A frame larger than this closes the socket (1009, message too big).</summary>
    public const int MaxFrameBytes = 8 * 1024;

    /// <summary>The longest message text, in characters after sanitising.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The longest pre-chat value.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>The most pre-chat fields a widget may ask for.</summary>
    public const int MaxPreChatFields = 10;

    /// <summary>The longest rating comment.</summary>
    public const int MaxCommentLength = 1000;
}

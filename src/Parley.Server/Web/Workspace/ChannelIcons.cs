namespace Parley.Server.Web.Workspace;

/// <summary>
/// Material Symbols for taking or refusing an offer of each channel, so a chat offer shows a chat bubble and not a phone:
/// Voice, Video, Chat, Email, Messaging (the queue's channel names); anything else gets neutral icons.
/// </summary>
public static class ChannelIcons
{
    /// <summary>The icon of accepting an offer of <paramref name="channel"/>.</summary>
    public static string Accept(string channel) => channel switch
    {
        "Voice" => "call",
        "Video" => "videocam",
        "Chat" => "chat",
        "Email" => "mail",
        "Messaging" => "sms",
        _ => "check",
    };

    /// <summary>The icon of rejecting an offer of <paramref name="channel"/>.</summary>
    public static string Reject(string channel) => channel switch
    {
        "Voice" => "call_end",
        "Video" => "videocam_off",
        "Chat" => "comments_disabled",
        _ => "close",
    };
}

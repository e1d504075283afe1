namespace Parley.Routing.Channels;

/// <summary>The medium of an interaction. Voice and video are real-time channels.</summary>
public enum Channel
{
    Voice = 0,
    Video = 1,
    Chat = 2,
    Email = 3,
    Messaging = 4,
}

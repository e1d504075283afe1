namespace Parley.Server.WebChat;

/// <summary>A visitor connection the node can ask to move to another node when it stops (a socket closes with 1001).</summary>
internal interface IChatGoAway
{
    /// <summary>Starts closing the connection as "going away"; returns at once.</summary>
    void GoAway();
}

namespace Parley.Channels.WebChat;

/// <summary>Who wrote a message; each direction numbers its messages 1, 2, 3, … on its own.</summary>
public enum ChatDirection
{
    /// <summary>From the web site's visitor.</summary>
    Customer,

    /// <summary>From the agent (or the system on the agent's side: greeting, joined).</summary>
    Agent,
}

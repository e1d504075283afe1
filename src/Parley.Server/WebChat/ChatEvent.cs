using Parley.Data.Entities.Chat;

namespace Parley.Server.WebChat;

/// <summary>Something that happened in a chat, handed to its live subscribers (the visitor's socket, the agent's pane).</summary>
public abstract record ChatEvent;

/// <summary>A message was stored.</summary>
public sealed record ChatMessageEvent(ChatMessageRow Message) : ChatEvent;

/// <summary>The visitor (<paramref name="FromCustomer"/>) or the agent started or stopped typing.</summary>
public sealed record ChatTypingEvent(bool FromCustomer, bool On) : ChatEvent;

/// <summary>An agent took the chat.</summary>
public sealed record ChatJoinedEvent(string AgentName) : ChatEvent;

/// <summary>The agent transferred the chat to a queue or another agent; it waits for the next agent.</summary>
public sealed record ChatTransferredEvent : ChatEvent;

/// <summary>The chat ended: <paramref name="By"/> is <c>customer</c>, <c>agent</c> or <c>system</c>.</summary>
public sealed record ChatEndedEvent(string By) : ChatEvent;

/// <summary>
/// The node stops (<see cref="ChatSocketHost.CloseAll"/>): told to the visitors' subscriptions only, each of which closes its
/// connection as going away. Nothing is sent for it; it is not shared with other nodes.
/// </summary>
public sealed record ChatGoingAwayEvent : ChatEvent
{
    public static ChatGoingAwayEvent Instance { get; } = new();
}

/// <summary>Still waiting: the visitor's place in the queue and the estimated wait.</summary>
public sealed record ChatQueuedEvent(int Position, TimeSpan? EstimatedWait) : ChatEvent;

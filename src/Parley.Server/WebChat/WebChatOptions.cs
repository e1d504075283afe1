using System.ComponentModel.DataAnnotations;

namespace Parley.Server.WebChat;

/// <summary><c>Parley:WebChat</c>: the customer side's limits. Defaults suit a busy site on one node.</summary>
public sealed class WebChatOptions
{
    public const string Section = "Parley:WebChat";

    /// <summary>How long a visitor's session token lets them resume their chat (default 12 hours).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Messages one chat session may send per second on average (token bucket).</summary>
    [Range(1, 1000)]
    public int SessionMessagesPerSecond { get; set; } = 2;

    /// <summary>Messages one chat session may send at once before the rate applies.</summary>
    [Range(1, 1000)]
    public int SessionMessageBurst { get; set; } = 10;

    /// <summary>Messages all sessions from one client IP may send per second (a NAT can hide many visitors).</summary>
    [Range(1, 1_000_000)]
    public int IpMessagesPerSecond { get; set; } = 50;

    [Range(1, 1_000_000)]
    public int IpMessageBurst { get; set; } = 200;

    /// <summary>Chats one client IP (IPv6: one /64) may start at once before <see cref="IpChatStartsPerMinute"/> applies.</summary>
    [Range(1, 1_000_000)]
    public int IpChatStartBurst { get; set; } = 20;

    /// <summary>Chats one client IP may start per minute on average (each becomes a contact waiting in a queue).</summary>
    [Range(1, 1_000_000)]
    public int IpChatStartsPerMinute { get; set; } = 10;

    /// <summary>Open widget sockets from one client IP (IPv6: one /64) on this node; beyond it new sockets get 429.</summary>
    [Range(1, 10_000_000)]
    public int MaxConnectionsPerIp { get; set; } = 200;

    /// <summary>Typing indicators one chat may switch on per second (a visitor's switching is shown to the agent live).</summary>
    [Range(1, 1000)]
    public int TypingPerSecond { get; set; } = 2;

    /// <summary>Open widget sockets on this node; beyond it new sockets are refused with 503 and existing ones continue.</summary>
    [Range(1, 10_000_000)]
    public int MaxConnections { get; set; } = 60_000;

    /// <summary>Open widget sockets of one tenant on this node (default: the node's limit); beyond it that tenant's new sockets are refused with 503.</summary>
    [Range(1, 10_000_000)]
    public int MaxConnectionsPerTenant { get; set; } = 60_000;

    /// <summary>
    /// How long a started chat waits for its visitor's first socket or event stream (default 2 minutes); a chat still
    /// waiting in its queue without one by then is ended (abandoned), so a visitor who never opened it holds no place.
    /// Checked on the <see cref="PositionInterval"/> tick.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan UnopenedChatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a waiting visitor hears their queue position and estimated wait.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PositionInterval { get; set; } = TimeSpan.FromSeconds(10);
}

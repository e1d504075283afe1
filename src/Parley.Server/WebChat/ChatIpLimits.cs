using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Parley.Server.Auth.Guessing;

namespace Parley.Server.WebChat;

/// <summary>
/// What one client address may do over all its chats: send messages, start chats, hold sockets open. IPv4 addresses
/// count alone, IPv6 addresses by their /64 (one host usually holds a whole /64, so counting single IPv6 addresses
/// would give it 2^64 budgets). Idle buckets are swept by <see cref="Sweep"/>.
/// </summary>
internal sealed class ChatIpLimits(IOptions<WebChatOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ChatTokenBucket> _buckets = new();
    private readonly ConcurrentDictionary<string, ChatTokenBucket> _starts = new();
    private readonly ConcurrentDictionary<string, int> _sockets = new();

    public int Count => _buckets.Count + _starts.Count;

    /// <summary>Takes a message token of the address's bucket.</summary>
    public bool TryTake(IPAddress? address, out TimeSpan retryAfter) =>
        _buckets.GetOrAdd(GuessBudgets.SourceKey(address), _ => new ChatTokenBucket(options.Value.IpMessagesPerSecond, options.Value.IpMessageBurst, time))
            .TryTake(out retryAfter);

    /// <summary>Takes a chat-start token of the address's bucket.</summary>
    public bool TryStart(IPAddress? address, out TimeSpan retryAfter) =>
        _starts.GetOrAdd(GuessBudgets.SourceKey(address), _ => new ChatTokenBucket(options.Value.IpChatStartsPerMinute / 60.0, options.Value.IpChatStartBurst, time))
            .TryTake(out retryAfter);

    /// <summary>Counts a socket of the address in, or false when it holds <see cref="WebChatOptions.MaxConnectionsPerIp"/> already.</summary>
    public bool TryOpenSocket(IPAddress? address)
    {
        var key = GuessBudgets.SourceKey(address);
        while (true)
        {
            var open = _sockets.GetOrAdd(key, 0);
            if (open >= options.Value.MaxConnectionsPerIp)
            {
                return false;
            }

            if (_sockets.TryUpdate(key, open + 1, open))
            {
                return true;
            }
        }
    }

    /// <summary>Counts a socket of the address out (after a successful <see cref="TryOpenSocket"/>).</summary>
    public void CloseSocket(IPAddress? address)
    {
        var key = GuessBudgets.SourceKey(address);
        while (_sockets.TryGetValue(key, out var open))
        {
            if (open <= 1 ? _sockets.TryRemove(new KeyValuePair<string, int>(key, open)) : _sockets.TryUpdate(key, open - 1, open))
            {
                return;
            }
        }
    }

    /// <summary>Forgets buckets unused for the time they need to fill again (a full bucket is what a new one would be).</summary>
    public void Sweep()
    {
        var now = time.GetTimestamp();
        Sweep(_buckets, TimeSpan.FromMinutes(1), now);
        Sweep(_starts, TimeSpan.FromMinutes(Math.Max(1.0, (double)options.Value.IpChatStartBurst / options.Value.IpChatStartsPerMinute)), now);
    }

    private void Sweep(ConcurrentDictionary<string, ChatTokenBucket> buckets, TimeSpan idle, long now)
    {
        foreach (var (key, bucket) in buckets)
        {
            if (time.GetElapsedTime(bucket.LastUsed, now) > idle)
            {
                buckets.TryRemove(new KeyValuePair<string, ChatTokenBucket>(key, bucket));
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Parley.Server.WebChat;

/// <summary>Message buckets per client IP over all its chat sessions; idle buckets are swept by <see cref="Sweep"/>.</summary>
internal sealed class ChatIpLimits(IOptions<WebChatOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, ChatTokenBucket> _buckets = new();

    public int Count => _buckets.Count;

    public bool TryTake(IPAddress? address, out TimeSpan retryAfter) =>
        _buckets.GetOrAdd(address ?? IPAddress.None, _ => new ChatTokenBucket(options.Value.IpMessagesPerSecond, options.Value.IpMessageBurst, time))
            .TryTake(out retryAfter);

    /// <summary>Forgets buckets unused for a minute (a full bucket after that long anyway).</summary>
    public void Sweep()
    {
        var now = time.GetTimestamp();
        foreach (var (address, bucket) in _buckets)
        {
            if (time.GetElapsedTime(bucket.LastUsed, now) > TimeSpan.FromMinutes(1))
            {
                _buckets.TryRemove(new KeyValuePair<IPAddress, ChatTokenBucket>(address, bucket));
            }
        }
    }
}

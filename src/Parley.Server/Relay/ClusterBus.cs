using Parley.Server.Extensions;
using Parley.Server.Logging;
using StackExchange.Redis;

namespace Parley.Server.Relay;

/// <summary>
/// This node's line to the other nodes of a cluster for live, in-process pushes (web workspace circuits, supervisor feeds,
/// web-chat rooms): Redis pub/sub on channels <c>parley:{ClusterId}:{topic}</c>, over the one connection the node also
/// gives SignalR's backplane. Registered only when <c>Parley:Redis</c> is set; a single node has no bus and runs no Redis
/// code. What goes over it is notification, never work: durable effects (history, webhooks, chat rows, ends) happen
/// once, on the node that did the work, before it publishes.
/// </summary>
/// <remarks>
/// Each message starts with the sending node's instance id, so a node skips its own (it delivered them locally already).
/// Publishing is fire-and-forget and never waits: Redis keeps the order of one connection's commands, so a node's
/// messages reach every other node in the order it published them, and a subscriber's handler runs one message at a time
/// (StackExchange.Redis' ordered channel queue). A message lost while a node is cut from Redis is caught up the way a lost
/// SignalR push is: clients re-read on reconnect, chat subscribers from the database by sequence number.
/// </remarks>
internal sealed class ClusterBus(ClusterTopology topology, ILogger<ClusterBus> logger) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(() => ConnectAsync(topology.Redis!));
    private readonly string _prefix = $"parley:{topology.Options.ClusterId}";

    /// <summary>This process's id on the bus (a restarted node is a new sender).</summary>
    public Guid NodeInstance { get; } = Guid.NewGuid();

    /// <summary>The node's one Redis connection, shared with SignalR's backplane.</summary>
    public Task<IConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    /// <summary>Sends <paramref name="payload"/> to the other nodes' subscribers of <paramref name="topic"/>, in order, without waiting.</summary>
    public void Publish(string topic, ReadOnlySpan<byte> payload)
    {
        var message = new byte[16 + payload.Length];
        NodeInstance.TryWriteBytes(message);
        payload.CopyTo(message.AsSpan(16));
        var connection = _connection.Value;
        if (connection.IsCompletedSuccessfully)
        {
            connection.Result.GetSubscriber().Publish(Channel(topic), message, CommandFlags.FireAndForget);
            return;
        }

        // Only before the first connection completes: later messages of the same topic could overtake this one, which
        // matters to nobody yet (nodes subscribe when they start, through the same connection).
        _ = connection.ContinueWith(
            c => c.Result.GetSubscriber().Publish(Channel(topic), message, CommandFlags.FireAndForget),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>Calls <paramref name="handler"/> with each payload other nodes publish on <paramref name="topic"/>, one at a time, in order.</summary>
    public async Task SubscribeAsync(string topic, Func<ReadOnlyMemory<byte>, Task> handler)
    {
        var connection = await _connection.Value;
        var queue = await connection.GetSubscriber().SubscribeAsync(Channel(topic));
        queue.OnMessage(async message =>
        {
            var bytes = (ReadOnlyMemory<byte>)message.Message;
            if (bytes.Length < 16 || new Guid(bytes.Span[..16]) == NodeInstance)
            {
                return;
            }

            try
            {
                await handler(bytes[16..]);
            }
            catch (Exception exception)
            {
                Log.ClusterRelayFailed(logger, exception, topic);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal($"{_prefix}:{topic}");

    /// <summary>
    /// Connects without failing when Redis is not up yet (a node may start before it, or while it restarts): the
    /// connection retries in the background and re-subscribes once back, as the SignalR backplane expects.
    /// </summary>
    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}

using System.Collections.Concurrent;
using Parley.Server.Logging;

namespace Parley.Server.Hubs;

/// <summary>This node's live hub connections, so they can be closed when the access they were opened with ends.</summary>
public sealed class HubConnections(ILogger<HubConnections> logger)
{
    private readonly ConcurrentDictionary<string, TrackedConnection> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public void Add(TrackedConnection connection) => _connections[connection.Context.ConnectionId] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyList<TrackedConnection> Snapshot() => [.. _connections.Values];

    /// <summary>Closes the connections opened with the cookie session <paramref name="sessionId"/> (it was signed out).</summary>
    public int CloseSession(string sessionId)
    {
        var closed = 0;
        foreach (var connection in _connections.Values.Where(c => c.SessionId == sessionId))
        {
            Close(connection, "signed out");
            closed++;
        }

        return closed;
    }

    public void Close(TrackedConnection connection, string reason)
    {
        Log.HubConnectionClosed(logger, connection.Context.ConnectionId, connection.Actor.ActorType, connection.Actor.ActorId, reason);
        Remove(connection.Context.ConnectionId);
        connection.Context.Abort();
    }
}

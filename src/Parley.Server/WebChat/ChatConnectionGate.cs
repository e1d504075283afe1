using System.Collections.Concurrent;

namespace Parley.Server.WebChat;

/// <summary>
/// Counts open widget sockets on this node, in all and per tenant, against <see cref="WebChatOptions.MaxConnections"/> and
/// <see cref="WebChatOptions.MaxConnectionsPerTenant"/>: one tenant's busy site cannot take every socket of the node.
/// </summary>
internal sealed class ChatConnectionGate(int maxConnections, int maxPerTenant)
{
    private readonly ConcurrentDictionary<Guid, Counter> _tenants = new();
    private int _connections;

    public int Connections => Volatile.Read(ref _connections);

    public int Of(Guid tenantId) => _tenants.TryGetValue(tenantId, out var counter) ? Volatile.Read(ref counter.Value) : 0;

    /// <summary>Counts a socket of <paramref name="tenantId"/> in, or false (nothing counted) when the node or the tenant is full.</summary>
    public bool TryAdmit(Guid tenantId)
    {
        if (Interlocked.Increment(ref _connections) > maxConnections)
        {
            Interlocked.Decrement(ref _connections);
            return false;
        }

        var counter = _tenants.GetOrAdd(tenantId, static _ => new Counter());
        if (Interlocked.Increment(ref counter.Value) > maxPerTenant)
        {
            Interlocked.Decrement(ref counter.Value);
            Interlocked.Decrement(ref _connections);
            return false;
        }

        return true;
    }

    /// <summary>Counts an admitted socket out.</summary>
    public void Release(Guid tenantId)
    {
        if (_tenants.TryGetValue(tenantId, out var counter))
        {
            Interlocked.Decrement(ref counter.Value);
        }

        Interlocked.Decrement(ref _connections);
    }

    private sealed class Counter
    {
        public int Value;
    }
}

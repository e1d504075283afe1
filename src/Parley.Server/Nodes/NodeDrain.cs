using Parley.Sip.Admission;

namespace Parley.Server.Nodes;

/// <summary>
/// Whether this node is draining, and since when: once it is, it takes no new work — the SIP stack answers new INVITEs
/// and OPTIONS probes 503 (<see cref="ISipAvailability"/>), <c>/health/ready</c> reports unhealthy, new web chats and
/// calls agents place are refused with 503 — while live calls and open chat sockets carry on. A drain is never undone:
/// the process exits at its end (<see cref="NodeDrainer"/>).
/// </summary>
internal sealed class NodeDrain(TimeProvider time) : ISipAvailability
{
    private readonly Lock _sync = new();
    private DateTimeOffset? _since;

    public bool IsDraining => DrainingSince is not null;

    public DateTimeOffset? DrainingSince
    {
        get
        {
            lock (_sync)
            {
                return _since;
            }
        }
    }

    bool ISipAvailability.AcceptsNewCalls => !IsDraining;

    /// <summary>Marks the node draining; false when it already was.</summary>
    public bool Begin()
    {
        lock (_sync)
        {
            if (_since is not null)
            {
                return false;
            }

            _since = time.GetUtcNow();
            return true;
        }
    }
}

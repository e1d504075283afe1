using System.Diagnostics.CodeAnalysis;

namespace Parley.Sip.Admission;

/// <summary>
/// Admission control for new calls (out-of-dialog INVITEs): a calls-per-second token bucket and a concurrent-call cap
/// for the node, for each tenant and for each trunk. A call is admitted only when every limit of its scope has room, and
/// then takes from all of them at once, so a tenant refused by its own limit takes nothing from the node's bucket.
/// One lock guards it all (new calls arrive at hundreds per second, not millions). Parley.Sip publishes no metrics:
/// the host reads <see cref="ConcurrentCalls"/>, <see cref="BucketTokens"/> and the events.
/// </summary>
public sealed class SipAdmissionController
{
    private readonly Lock _sync = new();
    private readonly SipAdmissionOptions _options;
    private readonly TimeProvider _time;
    private readonly SipAdmissionGate _node;
    private readonly Dictionary<string, SipAdmissionGate> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SipAdmissionGate> _trunks = new(StringComparer.Ordinal);

    public SipAdmissionController(SipAdmissionOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
        _node = new SipAdmissionGate(options.Node, time);
    }

    /// <summary>Raised (outside the lock) for each admitted call.</summary>
    public event Action? Admitted;

    /// <summary>Raised (outside the lock) for each refused call, with the limit that was full.</summary>
    public event Action<SipAdmissionRefusal>? Refused;

    /// <summary>Raised when a retransmission of a refused INVITE is refused again from memory (no limit consulted).</summary>
    public event Action? RetransmissionRefused;

    public SipAdmissionOptions Options => _options;

    /// <summary>Calls the node holds now (admitted, not yet ended).</summary>
    public int ConcurrentCalls
    {
        get
        {
            lock (_sync)
            {
                return _node.Concurrent;
            }
        }
    }

    /// <summary>Tokens in the node's bucket now; -1 when the node has no rate limit.</summary>
    public double BucketTokens
    {
        get
        {
            lock (_sync)
            {
                return _node.Bucket?.Level ?? -1;
            }
        }
    }

    /// <summary>Tenants and trunks tracked now (idle ones are forgotten beyond <see cref="SipAdmissionOptions.MaxTrackedScopes"/>).</summary>
    public int TrackedScopes
    {
        get
        {
            lock (_sync)
            {
                return _tenants.Count + _trunks.Count;
            }
        }
    }

    /// <summary>Calls a tenant holds now (0 when untracked).</summary>
    public int ConcurrentCallsOf(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        lock (_sync)
        {
            return _tenants.TryGetValue(tenant, out var gate) ? gate.Concurrent : 0;
        }
    }

    /// <summary>Admits a new call in <paramref name="scope"/>, or says which limit was full.</summary>
    public bool TryAdmit(SipAdmissionScope scope, [NotNullWhen(true)] out SipAdmissionLease? lease, out SipAdmissionRefusal refusal)
    {
        lock (_sync)
        {
            var tenant = scope.Tenant is { } t ? GateFor(_tenants, t, Capped(TenantLimit(t), scope.TenantCallCap)) : null;
            var trunk = scope.Trunk is { } k ? GateFor(_trunks, k, scope.TrunkLimit ?? _options.PerTrunk) : null;
            refusal = Check(trunk, SipAdmissionRefusal.TrunkConcurrency, SipAdmissionRefusal.TrunkRate);
            if (refusal == SipAdmissionRefusal.None)
            {
                refusal = scope.TenantCallCap == 0
                    ? SipAdmissionRefusal.TenantConcurrency
                    : Check(tenant, SipAdmissionRefusal.TenantConcurrency, SipAdmissionRefusal.TenantRate);
            }

            if (refusal == SipAdmissionRefusal.None)
            {
                refusal = Check(_node, SipAdmissionRefusal.NodeConcurrency, SipAdmissionRefusal.NodeRate);
            }

            if (refusal != SipAdmissionRefusal.None)
            {
                lease = null;
            }
            else
            {
                _node.Take();
                tenant?.Take();
                trunk?.Take();
                lease = new SipAdmissionLease(this, _node, tenant, trunk);
            }
        }

        if (lease is null)
        {
            Refused?.Invoke(refusal);
            return false;
        }

        Admitted?.Invoke();
        return true;
    }

    internal void NoteRetransmissionRefused() => RetransmissionRefused?.Invoke();

    /// <summary>A new call refused before any limit was consulted (the node is draining).</summary>
    internal void NoteRefused(SipAdmissionRefusal refusal) => Refused?.Invoke(refusal);

    internal void Release(SipAdmissionLease lease)
    {
        lock (_sync)
        {
            lease.Node.Concurrent--;
            if (lease.Tenant is { } tenant)
            {
                tenant.Concurrent--;
            }

            if (lease.Trunk is { } trunk)
            {
                trunk.Concurrent--;
            }
        }
    }

    private static SipAdmissionRefusal Check(SipAdmissionGate? gate, SipAdmissionRefusal full, SipAdmissionRefusal dry) =>
        gate is null ? SipAdmissionRefusal.None
        : gate.IsFull ? full
        : gate.IsDry ? dry
        : SipAdmissionRefusal.None;

    /// <summary>The tenant's configured limit with its plan's cap on concurrent calls (the smaller of the two wins).</summary>
    private static SipAdmissionLimit Capped(SipAdmissionLimit limit, int? cap) =>
        cap is not > 0 || (limit.MaxConcurrentCalls > 0 && limit.MaxConcurrentCalls <= cap)
            ? limit
            : new SipAdmissionLimit { CallsPerSecond = limit.CallsPerSecond, Burst = limit.Burst, MaxConcurrentCalls = cap.Value };

    private SipAdmissionLimit TenantLimit(string tenant) =>
        _options.Tenants.TryGetValue(tenant, out var own) ? own : _options.PerTenant;

    private SipAdmissionGate? GateFor(Dictionary<string, SipAdmissionGate> gates, string key, SipAdmissionLimit limit)
    {
        if (gates.TryGetValue(key, out var gate))
        {
            gate.Apply(limit);
            return gate;
        }

        if (limit.CallsPerSecond <= 0 && limit.MaxConcurrentCalls <= 0)
        {
            return null; // nothing to enforce: do not track
        }

        if (_tenants.Count + _trunks.Count >= _options.MaxTrackedScopes)
        {
            ForgetIdle(_tenants);
            ForgetIdle(_trunks);
        }

        gate = new SipAdmissionGate(limit, _time);
        gates[key] = gate;
        return gate;
    }

    private static void ForgetIdle(Dictionary<string, SipAdmissionGate> gates)
    {
        foreach (var (key, gate) in gates)
        {
            if (gate.IsIdle)
            {
                gates.Remove(key);
            }
        }
    }
}

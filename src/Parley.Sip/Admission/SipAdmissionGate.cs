namespace Parley.Sip.Admission;

/// <summary>The state of one limit (the node, a tenant, a trunk): its bucket and the calls it holds. Guarded by the controller's lock.</summary>
internal sealed class SipAdmissionGate
{
    private readonly TimeProvider _time;

    public SipAdmissionGate(SipAdmissionLimit limit, TimeProvider time)
    {
        _time = time;
        Limit = limit;
        Bucket = NewBucket(limit, time);
    }

    public SipAdmissionLimit Limit { get; private set; }

    public SipTokenBucket? Bucket { get; private set; }

    public int Concurrent { get; set; }

    public bool IsFull => Limit.MaxConcurrentCalls > 0 && Concurrent >= Limit.MaxConcurrentCalls;

    public bool IsDry => Bucket is { HasToken: false };

    /// <summary>Holds no call and its bucket has refilled: forgetting it changes nothing.</summary>
    public bool IsIdle => Concurrent == 0 && Bucket is null or { IsFull: true };

    public void Take()
    {
        Bucket?.TryTake();
        Concurrent++;
    }

    /// <summary>A trunk's limits were edited: a new (full) bucket, the calls held are kept.</summary>
    public void Apply(SipAdmissionLimit limit)
    {
        if (ReferenceEquals(limit, Limit) || (limit.CallsPerSecond.Equals(Limit.CallsPerSecond) && limit.Burst == Limit.Burst && limit.MaxConcurrentCalls == Limit.MaxConcurrentCalls))
        {
            return;
        }

        Limit = limit;
        Bucket = NewBucket(limit, _time);
    }

    private static SipTokenBucket? NewBucket(SipAdmissionLimit limit, TimeProvider time) =>
        limit.CallsPerSecond > 0 ? new SipTokenBucket(limit.CallsPerSecond, limit.Capacity, time) : null;
}

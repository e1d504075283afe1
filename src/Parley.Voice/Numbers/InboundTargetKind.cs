namespace Parley.Voice.Numbers;

/// <summary>Where a number sends its calls.</summary>
public enum InboundTargetKind
{
    /// <summary>Assigned to a tenant, not pointed anywhere yet.</summary>
    None = 0,

    /// <summary>A published flow of the tenant.</summary>
    Flow = 1,

    /// <summary>A queue of the tenant, straight away.</summary>
    Queue = 2,
}

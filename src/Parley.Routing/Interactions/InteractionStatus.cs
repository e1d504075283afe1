namespace Parley.Routing.Interactions;

/// <summary>Where an interaction is in its routing lifecycle.</summary>
public enum InteractionStatus
{
    /// <summary>In its queue, waiting for an agent.</summary>
    Waiting = 0,

    /// <summary>Waiting for its preferred (last) agent only, until the queue's preferred-agent timeout.</summary>
    WaitingForPreferredAgent = 1,

    /// <summary>Ringing at exactly one agent.</summary>
    Offered = 2,

    /// <summary>Accepted and being handled.</summary>
    Active = 3,
}

namespace Parley.Routing.Queues;

/// <summary>What happens to an agent after an interaction from the queue ends.</summary>
public enum WrapUpMode
{
    /// <summary>No after-call work; the agent is free at once.</summary>
    None = 0,

    /// <summary>After-call work, a code is optional; ends when completed or after the time limit if one is set.</summary>
    Optional = 1,

    /// <summary>After-call work until completed with a wrap-up code; no time limit.</summary>
    Mandatory = 2,

    /// <summary>A code is required to complete early; when the time limit elapses, wrap-up ends without one.</summary>
    MandatoryWithTimeLimit = 3,
}

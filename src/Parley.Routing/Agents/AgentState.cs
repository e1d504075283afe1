namespace Parley.Routing.Agents;

/// <summary>The state an agent is reported in, derived from sign-in, selection and work.</summary>
public enum AgentState
{
    LoggedOut = 0,
    Available = 1,

    /// <summary>At least one offer is ringing.</summary>
    Reserved = 2,

    /// <summary>Handling at least one accepted interaction.</summary>
    Busy = 3,

    /// <summary>Wrap-up after an interaction ended.</summary>
    AfterCallWork = 4,

    /// <summary>Signed in but not taking offers; carries a tenant-defined reason code.</summary>
    NotReady = 5,
}

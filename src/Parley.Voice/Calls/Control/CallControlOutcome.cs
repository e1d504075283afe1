namespace Parley.Voice.Calls.Control;

public enum CallControlOutcome
{
    Done,

    /// <summary>No such live call on this node, another tenant's, or not the acting agent's.</summary>
    NotFound,

    /// <summary>The call is not bridged with an agent now (waiting, ringing, talking to an outside number).</summary>
    NotConnected,

    /// <summary>The command cannot be carried out (e.g. the customer's phone did not agree telephone-events).</summary>
    Refused,
}

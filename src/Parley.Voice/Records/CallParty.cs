namespace Parley.Voice.Records;

/// <summary>Who a leg connects to, or which side released a call.</summary>
public enum CallParty
{
    Caller,
    Agent,
    System,

    /// <summary>An outside number Parley called through the tenant's trunk (a flow's transfer to a number).</summary>
    External,

    /// <summary>A supervisor's phone joined to the call (listen, whisper, barge; after an intercept, the one talking to the customer).</summary>
    Supervisor,
}

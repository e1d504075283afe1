namespace Parley.Server.Application.Agents;

/// <summary>Where an interaction stands for the agent whose workspace shows it.</summary>
public enum WorkItemStatus
{
    /// <summary>Ringing: the agent may accept or reject until the offer expires.</summary>
    Offered,

    /// <summary>Accepted and in progress.</summary>
    Active,

    /// <summary>Ended; the agent owes after-call work (code and notes).</summary>
    WrapUp,
}

namespace Parley.Voice.Calls.Control;

/// <summary>Where a blind transfer sends the customer.</summary>
public abstract record CallTransferTarget
{
    /// <summary>Queued again (a new interaction) in the tenant's queue.</summary>
    public sealed record Queue(Guid QueueId) : CallTransferTarget;

    /// <summary>Queued in the call's queue with this agent preferred (the queue's preferred-agent timeout applies).</summary>
    public sealed record Agent(Guid AgentId) : CallTransferTarget;

    /// <summary>An E.164 number called through the tenant's trunk.</summary>
    public sealed record Number(string E164) : CallTransferTarget;

    /// <summary>The flow's published version runs on the call.</summary>
    public sealed record Flow(Guid FlowId) : CallTransferTarget;
}

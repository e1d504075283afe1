namespace Parley.Voice.Calls;

/// <summary>Everything that happens to a call, posted to its mailbox and handled one at a time by <see cref="InboundCall"/>.</summary>
internal abstract record CallSignal
{
    internal sealed record CallerHungUp(string Cause) : CallSignal;

    internal sealed record Offered(Guid AgentId, DateTimeOffset ExpiresAt) : CallSignal;

    internal sealed record OfferWithdrawn(Guid AgentId, string Reason) : CallSignal;

    internal sealed record Moved(Guid QueueId) : CallSignal;

    internal sealed record RoutingEnded(string Reason) : CallSignal;

    internal sealed record AgentAnswered(AgentLeg Leg) : CallSignal;

    internal sealed record AgentFailed(AgentLeg Leg, int Status) : CallSignal;

    internal sealed record AgentHungUp(AgentLeg Leg, string Cause) : CallSignal;

    /// <summary>Routing offers the consultation <paramref name="InteractionId"/> waiting in a queue to an agent.</summary>
    internal sealed record ConsultOffered(Guid InteractionId, Guid AgentId, DateTimeOffset ExpiresAt) : CallSignal;

    internal sealed record ConsultOfferWithdrawn(Guid InteractionId, Guid AgentId, string Reason) : CallSignal;

    /// <summary>The consultation's interaction left routing from outside (overflowed out, ended by a supervisor).</summary>
    internal sealed record ConsultRoutingEnded(Guid InteractionId, string Reason) : CallSignal;

    /// <summary>The caller pressed the queue's breakout key.</summary>
    internal sealed record BrokeOut : CallSignal;

    /// <summary>
    /// The agent's phone sent REFER with Replaces naming <paramref name="Consultation"/>, a call it placed through Parley
    /// (or, <paramref name="ReferredOnConsultation"/>, sent it on that call naming this one's agent leg): the consultation's
    /// agent takes the customer as in a completed consult transfer; the answer completes <paramref name="Done"/>.
    /// </summary>
    internal sealed record ReplaceWithConsultation(
        InboundCall Consultation, Guid AgentId, TaskCompletionSource<Parley.Voice.Calls.Control.CallControlResult> Done, bool ReferredOnConsultation = false) : CallSignal;

    /// <summary>Another call takes this call's bridged agent leg (this call was the consultation of an attended transfer).</summary>
    internal sealed record HandOverAgent(AgentHandOver HandOver) : CallSignal;

    /// <summary>An agent's call control (REST, workspace, or their phone's re-INVITE); the answer completes <paramref name="Done"/>.</summary>
    /// <summary>A supervisor's action (monitor, mode, intercept, release, leave); the answer completes <paramref name="Done"/>.</summary>
    internal sealed record Supervise(Parley.Voice.Calls.Control.SupervisorCommand Command, Guid SupervisorId, TaskCompletionSource<Parley.Voice.Calls.Control.CallControlResult> Done) : CallSignal;

    internal sealed record Control(Parley.Voice.Calls.Control.CallCommand Command, Guid AgentId, TaskCompletionSource<Parley.Voice.Calls.Control.CallControlResult> Done, bool FromRefer = false) : CallSignal;
}

namespace Parley.Voice.Calls.Control;

/// <summary>An agent's action on their live call, carried out in the call's mailbox (<see cref="InboundCalls.ControlAsync"/>).</summary>
public abstract record CallCommand
{
    /// <summary>The customer hears music on hold and the agent silence; hold time counts in the call record.</summary>
    public sealed record Hold : CallCommand;

    public sealed record Resume : CallCommand;

    /// <summary>The customer stops hearing the agent (the agent still hears the customer).</summary>
    public sealed record Mute : CallCommand;

    public sealed record Unmute : CallCommand;

    /// <summary>Sends keys to the customer as RFC 4733 events.</summary>
    public sealed record SendDigits(string Digits) : CallCommand;

    /// <summary>
    /// The call's recording gets silence from now on (refused when the call is not recorded); <see cref="SupervisorId"/>
    /// is the user id of the supervisor who asked on the agent's behalf (null: the agent asked).
    /// </summary>
    public sealed record PauseRecording(Guid? SupervisorId = null) : CallCommand;

    /// <summary>The call's recording takes the call's audio again; <see cref="SupervisorId"/> as for <see cref="PauseRecording"/>.</summary>
    public sealed record ResumeRecording(Guid? SupervisorId = null) : CallCommand;

    /// <summary>Ends the call: both legs are released and the agent goes to wrap-up.</summary>
    public sealed record HangUp : CallCommand;

    /// <summary>Blind transfer: the agent leg ends (wrap-up) and the customer goes to <see cref="Target"/>.</summary>
    public sealed record Transfer(CallTransferTarget Target) : CallCommand;

    /// <summary>
    /// Conference: rings <see cref="Target"/> (an agent's phone or a number through the trunk) and, once answered, mixes it
    /// with the customer, the agent and the other parties; the answer carries the new leg's id.
    /// </summary>
    public sealed record AddParty(CallTransferTarget Target) : CallCommand;

    /// <summary>Ends one added party's leg (BYE); the others keep talking.</summary>
    public sealed record RemoveParty(Guid LegId) : CallCommand;

    /// <summary>
    /// Consult transfer: the customer is put on hold while <see cref="Target"/> (an agent's phone or a number) is rung; once
    /// answered the agent talks to them alone. The answer carries the consulted leg's id.
    /// </summary>
    public sealed record Consult(CallTransferTarget Target) : CallCommand;

    /// <summary>Hands the customer to the consulted party; the agent's leg ends (wrap-up).</summary>
    public sealed record CompleteConsult : CallCommand;

    /// <summary>Ends the consultation; the customer comes back to the agent.</summary>
    public sealed record CancelConsult : CallCommand;

    /// <summary>The agent leaves a conference (wrap-up); the customer and the added parties keep talking.</summary>
    public sealed record Leave : CallCommand;
}

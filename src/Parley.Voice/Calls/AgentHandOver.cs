namespace Parley.Voice.Calls;

/// <summary>
/// The hand-over of a consultation's agent leg to the customer's call (attended transfer from the agent's phone, REFER
/// with Replaces): the consultation answers <see cref="Leg"/> with its bridged agent leg and the ACD interaction that agent
/// holds (null: it has no agent to give); the customer's call completes <see cref="Notified"/> once the phone heard the
/// final NOTIFY, and the consultation then hangs up the phone's replaced dialog (BYE, RFC 3891 §3). When the phone sent
/// the REFER on the consultation (<see cref="NotifyCaller"/>), the consultation sends that NOTIFY and completes
/// <see cref="CallerNotified"/> before the customer's call hangs up the agent's leg. <see cref="CallerNotified"/> also tells
/// the customer's call that the consultation no longer hears the interaction, so the customer's call may watch it.
/// </summary>
internal sealed class AgentHandOver
{
    /// <summary>The REFER came on the consultation's caller dialog: its final NOTIFY goes there.</summary>
    public bool NotifyCaller { get; init; }

    public TaskCompletionSource CallerNotified { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<(AgentLeg Leg, Guid? InteractionId)?> Leg { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Notified { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

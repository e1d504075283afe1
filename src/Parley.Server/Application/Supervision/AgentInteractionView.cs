namespace Parley.Server.Application.Supervision;

/// <summary>
/// An interaction in an agent's hands: <see cref="Status"/> is <c>Ringing</c>, <c>Connected</c> or <c>WrapUp</c>, for
/// <see cref="Since"/>; <see cref="Customer"/> is the customer's name from its attributes (pre-chat name, caller name), or
/// failing that their address (number, e-mail), or null; <see cref="OnHoldFor"/> is how long a connected call has been on
/// hold (null when it is not).
/// </summary>
public sealed record AgentInteractionView(
    Guid InteractionId, string Channel, string QueueName, string Status, TimeSpan Since, string? Customer = null, TimeSpan? OnHoldFor = null);

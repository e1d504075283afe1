namespace Parley.Voice.Calls.Ports;

/// <summary>
/// A callback to <paramref name="Number"/> (E.164) in <paramref name="Queue"/> (id or name) of <paramref name="TenantId"/>,
/// asked for on call <paramref name="CallId"/> (empty when asked for through the API) to the tenant's
/// <paramref name="CalledNumber"/>; <paramref name="WaitingSince"/> is when the caller first queued, so they keep their
/// place (null: now). <see cref="InteractionId"/> fixes the interaction's id (a scheduled callback's, so queueing it
/// twice is refused as a duplicate); <see cref="Attempt"/> counts the attempts to reach the customer, from 1; <see cref="Mode"/>
/// says whom Parley calls first.
/// </summary>
public sealed record CallbackRequest(Guid TenantId, string Queue, string Number, Guid CallId, string? CalledNumber, DateTimeOffset? WaitingSince)
{
    public Guid? InteractionId { get; init; }

    public int Attempt { get; init; } = 1;

    public CallbackMode Mode { get; init; } = CallbackMode.Preview;
}

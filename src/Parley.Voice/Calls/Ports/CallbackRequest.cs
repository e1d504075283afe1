namespace Parley.Voice.Calls.Ports;

/// <summary>
/// A callback to <paramref name="Number"/> (E.164) in <paramref name="Queue"/> (id or name) of <paramref name="TenantId"/>,
/// asked for on call <paramref name="CallId"/> to the tenant's <paramref name="CalledNumber"/>; <paramref name="WaitingSince"/>
/// is when the caller first queued, so they keep their place (null: now).
/// </summary>
public sealed record CallbackRequest(Guid TenantId, string Queue, string Number, Guid CallId, string? CalledNumber, DateTimeOffset? WaitingSince);

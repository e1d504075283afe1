namespace Parley.Server.Application.Calls;

/// <summary>
/// The call was started: the agent's phone rings. <paramref name="CallId"/> is its call record (its outcome and release
/// cause land there), <paramref name="InteractionId"/> the ACD interaction that keeps the agent busy,
/// <paramref name="Direction"/> <c>Outbound</c> or <c>Internal</c>, <paramref name="To"/> the normalised destination.
/// </summary>
public sealed record DialStarted(Guid CallId, Guid InteractionId, string Direction, string To);

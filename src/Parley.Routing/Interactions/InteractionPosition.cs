namespace Parley.Routing.Interactions;

/// <summary>
/// Where an interaction stands, for IVR announcements and the chat widget. <see cref="Position"/> is 1-based
/// in its queue and channel (0 once offered); <see cref="EstimatedWait"/> is null when no agent is staffed.
/// </summary>
public sealed record InteractionPosition(
    InteractionId InteractionId, InteractionStatus Status, int Position, TimeSpan WaitedSoFar, TimeSpan? EstimatedWait);

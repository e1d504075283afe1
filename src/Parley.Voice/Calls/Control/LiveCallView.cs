namespace Parley.Voice.Calls.Control;

/// <summary>
/// What the workspace shows of a live call: who has it, since when it is on hold, whether the agent is muted, whether a
/// consultation is going on, and the recording: <see cref="Recording"/> <c>off</c>, <c>on</c> or <c>paused</c>.
/// </summary>
public sealed record LiveCallView(
    Guid CallId, Guid TenantId, Guid? AgentId, Guid? InteractionId, DateTimeOffset? OnHoldSince, bool Muted, int Holds,
    bool Consulting = false, string Recording = "off");

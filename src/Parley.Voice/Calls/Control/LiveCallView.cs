namespace Parley.Voice.Calls.Control;

/// <summary>What the workspace shows of a live call: who has it, since when it is on hold, whether the agent is muted.</summary>
public sealed record LiveCallView(Guid CallId, Guid TenantId, Guid? AgentId, Guid? InteractionId, DateTimeOffset? OnHoldSince, bool Muted, int Holds);

namespace Parley.Cluster.Routing.Ports;

/// <summary>An agent's sign-in state as it must be restored; <see cref="SignedIn"/> false removes it.</summary>
public sealed record PresenceChange(string AgentId, bool SignedIn, string? NotReadyReason, DateTimeOffset StateSince, bool SignOutPending);

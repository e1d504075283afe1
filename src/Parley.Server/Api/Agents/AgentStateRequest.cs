using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Agents;

/// <summary>
/// A state to select: <c>Available</c>, <c>NotReady</c> (with a tenant reason code) or <c>LoggedOut</c>. Work in hand
/// finishes first; the selection applies after it.
/// </summary>
public sealed record AgentStateRequest(
    [property: Required, RegularExpression("^(Available|NotReady|LoggedOut)$")] string State,
    [property: StringLength(40)] string? Reason);

using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Agents;

/// <summary>Signs the calling agent in, available, or not ready with <see cref="Reason"/>.</summary>
public sealed record AgentSignInRequest([property: StringLength(40)] string? Reason);

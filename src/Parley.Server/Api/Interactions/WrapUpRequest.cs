using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Interactions;

/// <summary>Completes after-call work, with a wrap-up code when the queue asks for one and the agent's notes.</summary>
public sealed record WrapUpRequest([property: StringLength(100)] string? Code, [property: StringLength(2000)] string? Notes = null);

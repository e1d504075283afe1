namespace Parley.Server.Application.Calls;

/// <summary>The target of a blind transfer (<c>"to"</c>): exactly one of a queue, an agent, a number or a flow.</summary>
public sealed record CallTransferRequest(Guid? Queue, Guid? Agent, string? Number, Guid? Flow);

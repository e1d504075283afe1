namespace Parley.Server.Application.Calls;

/// <summary>
/// Asks for a callback without a call: Parley calls <see cref="Number"/> (E.164) when an agent of <see cref="QueueId"/>
/// takes it; <see cref="At"/> (optional) is the earliest time it joins the queue (at most 30 days ahead);
/// <see cref="CalledNumber"/> (optional) the tenant's number the customer knows, presented by <c>CalledNumber</c> trunks;
/// <see cref="Mode"/> <c>preview</c> (the default: the agent's phone rings first) or <c>customerFirst</c>.
/// </summary>
public sealed record CallbackOrder(Guid? QueueId, string? Number, DateTimeOffset? At = null, string? CalledNumber = null, string? Mode = null);

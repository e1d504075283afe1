namespace Parley.Server.Application.Calls;

/// <summary>
/// Body of <c>POST /api/v1/calls</c>: <paramref name="To"/> is an E.164 number (<c>+15551234567</c>), an extension
/// (<c>ext:1002</c>, or digits equal to an agent's extension); <paramref name="QueueId"/> optionally names the queue
/// whose wrap-up and history the call takes (default: the first voice queue by name).
/// </summary>
public sealed record DialRequest(string? To, Guid? QueueId = null);

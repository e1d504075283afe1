namespace Parley.Server.Application.Calls;

/// <summary>
/// The added party answered and is in the conference: its leg (in the call record), for removing it later. A consultation
/// with a queue answers at once with <see cref="Status"/> <c>queued</c> and no leg yet: it waits for an agent there.
/// </summary>
public sealed record PartyAdded(Guid? LegId, string Status = "answered");

namespace Parley.Server.Application.Calls;

/// <summary>The added party answered and is in the conference: its leg (in the call record), for removing it later.</summary>
public sealed record PartyAdded(Guid LegId);

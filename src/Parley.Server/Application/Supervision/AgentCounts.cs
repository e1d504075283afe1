namespace Parley.Server.Application.Supervision;

/// <summary>
/// Agents by state (Amazon Connect's names): online = signed in to routing (staffed); on contact = an offer ringing or an
/// interaction in hand; after contact work; not ready (any reason); available = taking offers.
/// </summary>
public sealed record AgentCounts(int Online, int Available, int OnContact, int AfterContactWork, int NotReady);

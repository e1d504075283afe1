namespace Parley.Routing;

/// <summary>Why a ringing offer ended without being accepted.</summary>
internal enum OfferOutcome
{
    Rejected = 0,
    TimedOut = 1,
    Revoked = 2,
}

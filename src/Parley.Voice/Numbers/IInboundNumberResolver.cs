using Parley.Sip.Stack;

namespace Parley.Voice.Numbers;

/// <summary>
/// Resolves an inbound INVITE's called number (Request-URI user, else To user, normalised to E.164) and its source
/// (transport address, digest identity) to tenant + target + trunk, before any media is allocated. The server
/// implements it from its number and trunk tables; it must be cheap (INVITE load is thousands per second).
/// </summary>
public interface IInboundNumberResolver
{
    ValueTask<InboundResolution> ResolveAsync(SipIncomingCall call, CancellationToken cancellationToken);
}
